using Claims.Client.Board;
using Claims.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Claims.Grains.Pools;

// Reentrant so that batches arriving while an append is being written are decided at once and
// join the next append (group commit). Every grant and change is checked and applied
// synchronously, between awaits, against the state as it is then, which is what makes the
// interleaving safe; a shard that borrows decides its refused claims again after the loan.
[Reentrant]
public sealed partial class PoolGrain(
    IPoolJournal journal,
    IStockBoard board,
    TimeProvider time,
    ILogger<PoolGrain> logger) : Grain, IPoolGrain
{
    // The request key of a coupon granted from a list: one per resident and pool.
    private const string ListRequestKey = "list";

    // The quota activation each slot of residents is served by; grants sent by an older one are
    // refused, so residents' limits hold while a quota grain moves between silos. Kept in the
    // journal: an activation of this pool that replaces one a quota grain read from must refuse
    // that quota grain's predecessor too.
    private Dictionary<int, Guid> _fences = [];
    private readonly ShardLoans _loans = new();

    // Coupons passed here by earlier rounds' pools, by pool key, as each last reported its running total.
    private readonly RunningTotals<string> _received = new(StringComparer.Ordinal);

    private PoolJournalWriter _journal = null!;
    private PoolCoupons _coupons = null!;
    private CampaignDefinition _campaign = null!;
    private RoundDefinition _round = null!;
    private CouponTypeDefinition _couponType = null!;
    private CouponBook _book = null!;
    private PoolClosure? _closure;
    private RoundRoute _route = null!;
    private int _stock;
    private int? _shard;
    private int _shards = 1;
    private bool _paused;

    // What earlier rounds passed on, in this pool's coupons: kept apart from the raw totals, which
    // a close routed across types counts in the sender's.
    private int _rolledIn;

    private int Capacity => _stock + _rolledIn + _book.RefundedHere + _loans.NetBorrowed;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var poolKey = this.GetPrimaryKeyString();
        var (campaignId, roundId, couponTypeId, shard) = GrainKeys.ParsePool(poolKey);
        var snapshot = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync()
            ?? throw new InvalidOperationException($"Pool {poolKey} names an unknown campaign.");
        _paused = snapshot.Status == CampaignStatus.Paused;
        _shard = shard;
        UseRound(snapshot.Definition);

        // The newest stored copy, then the journal after it.
        var snapshots = new PoolSnapshotStore(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Claims), this.GetGrainId(), logger);
        var history = await snapshots.ReadAsync();
        foreach (var append in await journal.ReadAsync(poolKey, history.Version))
        {
            history.Apply(append);
        }

        _book = new CouponBook(roundId, _round.Extended, _couponType.StoredValue ? _couponType.FaceValue : null);
        history.Grants.ForEach(_book.Add);
        history.Changes.ForEach(_book.Apply);
        history.Registrations.ForEach(Registered);
        foreach (var (from, total) in history.Received)
        {
            _received.Raise(from, total);
        }

        CountRolledIn();

        _closure = history.Closure;
        _fences = new(history.Fences);
        _loans.Restore(history);
        _journal = new PoolJournalWriter(journal, poolKey, history, snapshots, time, PostCounts, DeactivateOnIdle);
        PostCounts();
    }

    public async ValueTask<IReadOnlyList<ClaimOutcome>> GrantAsync(IReadOnlyList<PoolGrantRequest> requests)
    {
        _journal.ThrowIfFailed();

        // Every request is decided in this turn; one append then makes the whole batch durable.
        var outcomes = new ClaimOutcome[requests.Count];
        var commit = false;
        for (var i = 0; i < requests.Count; i++)
        {
            (outcomes[i], var store) = Decide(requests[i]);
            commit |= store;
        }

        if (_shard is not null)
        {
            commit |= await GrantFromSiblingsAsync(requests, outcomes);
        }

        if (commit)
        {
            await _journal.CommitAsync();
        }

        return outcomes;
    }

    public async ValueTask<IReadOnlyList<ListGrantResult>> GrantListedAsync(IReadOnlyList<string> userIds)
    {
        _journal.ThrowIfFailed();
        var now = time.GetUtcNow();
        var results = new ListGrantResult[userIds.Count];
        for (var i = 0; i < userIds.Count; i++)
        {
            var userId = userIds[i];
            results[i] = _book.Find(userId, ListRequestKey) is { } held
                ? new(userId, ToCoupon(held, now), AlreadyHeld: true, null)
                : Unavailable(now) is { } refusal
                    ? new(userId, null, AlreadyHeld: false, refusal)
                    : new(userId, Grant(new(userId, ListRequestKey, PoolGrantRequest.Direct), now), AlreadyHeld: false, null);
        }

        await _journal.CommitAsync();
        return results;
    }

    public async ValueTask<Coupon?> FindListedAsync(string userId)
    {
        if (_book.Find(userId, ListRequestKey) is not { } held)
        {
            return null;
        }

        return (await StoredAsync([ToCoupon(held, time.GetUtcNow())]))[0];
    }

    // The grant (new, or the one this request already obtained), and whether the answer must wait
    // for the journal: a replay may be of a grant still waiting for its append, and a slot's fence
    // taken here holds only once it is stored.
    private (ClaimOutcome Outcome, bool Store) Decide(PoolGrantRequest request)
    {
        var now = time.GetUtcNow();
        if (_book.Find(request.UserId, request.RequestKey) is { } earlier)
        {
            return (ClaimOutcome.Granted(ToCoupon(earlier, now)), true);
        }

        var fenced = false;
        if (request.Fence == PoolGrantRequest.Direct)
        {
            // Sent past the quota grains: only a pool whose grants are all a limit counts may
            // decide alone; one that is not has its residents' quota grains to ask.
            if (!_route.Direct)
            {
                return (ClaimOutcome.Refused(ClaimRefusal.Superseded), false);
            }

            if (_book.HeldBy(request.UserId) >= _route.MaxHeld)
            {
                return (ClaimOutcome.Refused(ClaimRefusal.LimitReached), false);
            }
        }
        else if (_fences.TryGetValue(request.Slot(), out var fence))
        {
            if (fence != request.Fence)
            {
                return (ClaimOutcome.Refused(ClaimRefusal.Superseded), false);
            }
        }
        else
        {
            FenceSlot(request.Slot(), request.Fence);
            fenced = true;
        }

        if (_paused)
        {
            return (ClaimOutcome.Refused(ClaimRefusal.CampaignPaused), fenced);
        }

        if (Unavailable(now) is { } refusal)
        {
            return (ClaimOutcome.Refused(refusal), fenced);
        }

        return (ClaimOutcome.Granted(Grant(request, now)), true);
    }

    // The round's own window is checked here too: the quota grain decided on its clock, and a
    // claim reaching the pool after the close must not take stock that has been passed on.
    private ClaimRefusal? Unavailable(DateTimeOffset now) =>
        now < _round.OpensAt || now >= _round.ClosesAt || _closure is not null ? ClaimRefusal.RoundNotOpen
        : _book.Granted >= Capacity ? ClaimRefusal.SoldOut
        : null;

    private Coupon Grant(PoolGrantRequest request, DateTimeOffset now)
    {
        // Residents read their coupon's times in the campaign's zone.
        var local = _coupons.Local(now);
        var grant = new PoolGrant(_book.Granted + 1, request.UserId, request.RequestKey, local, _round.ValidUntil(local), request.RegionCode, request.PersonId);
        _book.Add(grant);
        _journal.Grant(grant);
        return ToCoupon(_book.Find(grant.Sequence)!, now);
    }

    public async Task<IReadOnlyList<Coupon>> SyncSlotsAsync(IReadOnlyList<int> slots, Guid fence)
    {
        var now = time.GetUtcNow();
        var coupons = new List<Coupon>();
        foreach (var slot in slots)
        {
            if (_fences.GetValueOrDefault(slot) != fence)
            {
                FenceSlot(slot, fence);
            }

            coupons.AddRange(_book.OfShard(slot).Select(life => ToCoupon(life, now)));
        }

        return await StoredAsync(coupons);
    }

    public async ValueTask<IReadOnlyList<Coupon>> GetOwnedAsync(string userId, string? personId)
    {
        // A person's claims are indexed under the person's slot, list grants under the account's.
        var now = time.GetUtcNow();
        var slots = personId is null ? [QuotaShards.Of(userId)] : new[] { QuotaShards.Of(personId), QuotaShards.Of(userId) }.Distinct();
        return await StoredAsync([.. slots.SelectMany(_book.OfShard).Where(life => life.Grant.OwnerId == userId).Select(life => ToCoupon(life, now))]);
    }

    // The fence is answered only once its append is in the journal (the read waits for it): the
    // version it moves is what an older activation of this pool, still taking grants from the
    // quota activation being replaced, fails to append over.
    private void FenceSlot(int slot, Guid fence)
    {
        _fences[slot] = fence;
        _journal.Fence(slot, fence);
    }

    // A quota grain answers a retried claim from what this pool reports, so a report waits until
    // everything in it is in the journal: nobody is shown a coupon that a crash could still take back.
    private async ValueTask<IReadOnlyList<Coupon>> StoredAsync(IReadOnlyList<Coupon> coupons)
    {
        _journal.ThrowIfFailed();
        await _journal.CommitAsync();
        return coupons;
    }

    public ValueTask<PoolStock> GetStockAsync()
    {
        var outgoing = Outgoing();
        return ValueTask.FromResult(new PoolStock(
            _round.Id,
            _couponType.Id,
            _stock,
            RolledIn: _rolledIn,
            Refunded: _book.RefundedHere,
            Granted: _book.Granted,
            Redeemed: _book.StandingRedemptions,
            Expired: _book.InStatus(CouponStatus.Expired),
            RolledOut: outgoing.Where(o => o.Key != FundTarget).Sum(o => o.Value),
            ReturnedToFund: outgoing.GetValueOrDefault(FundTarget),
            Closed: _closure is not null,
            Borrowed: _loans.NetBorrowed));
    }

    public async Task ReviseAsync()
    {
        var definition = (await GrainFactory.GetGrain<ICampaignGrain>(_campaign.Id).GetAsync())!.Definition;

        // What residents could already claim stands; a round nobody could claim from yet is read anew.
        if (time.GetUtcNow() < _round.OpensAt && _book.Granted == 0)
        {
            UseRound(definition);
            PostCounts();
        }
        else
        {
            // Only a validity extension reaches a round already claimed from.
            _campaign = definition;
            _coupons = PoolCoupons.For(definition, this.GetPrimaryKeyString());
            _round = _coupons.Round;
            _book.Extend(_round.Extended);
        }
    }

    private void UseRound(CampaignDefinition campaign)
    {
        var poolKey = this.GetPrimaryKeyString();
        _campaign = campaign;
        _coupons = PoolCoupons.For(campaign, poolKey);
        _round = _coupons.Round;
        _couponType = _coupons.CouponType;
        _route = new ClaimRoutes(campaign).Find(_couponType.Id)!.Round(_round.Id)!;
        _shards = _couponType.PoolShards;
        _stock = ShareOf(_round.Stock.GetValueOrDefault(_couponType.Id));
    }

    public Task SetPausedAsync(bool paused)
    {
        _paused = paused;
        return Task.CompletedTask;
    }

    public Task<bool> SetStockAsync(int stock)
    {
        // Stock only moves before anyone could claim from it.
        if (time.GetUtcNow() >= _round.OpensAt || _book.Granted > 0)
        {
            return Task.FromResult(false);
        }

        _stock = ShareOf(stock);
        PostCounts();
        return Task.FromResult(true);
    }

    private Coupon ToCoupon(CouponLife life, DateTimeOffset now)
    {
        var coupon = _coupons.Of(life.Grant, life.StatusAt(now));
        return life.Balance is { } balance ? coupon with { Balance = balance } : coupon;
    }
}
