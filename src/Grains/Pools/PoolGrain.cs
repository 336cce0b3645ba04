using Claims.Grains.Board;
using Claims.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Claims.Grains.Pools;

// Reentrant so that batches arriving while a write is in flight are decided at once and their
// writes coalesce into the next one (group commit). Every grant and change is checked and applied
// synchronously, between awaits, against the state as it is then, which is what makes the
// interleaving safe; a shard that borrows decides its refused claims again after the loan.
[Reentrant]
public sealed partial class PoolGrain(
    [PersistentState("pool", StorageNames.Claims)] IPersistentState<PoolState> state,
    IClaimsEventSink sink,
    IStockBoard board,
    TimeProvider time,
    ILogger<PoolGrain> logger) : Grain, IPoolGrain
{
    // The request key of a coupon granted from a list: one per resident and pool.
    private const string ListRequestKey = "list";

    // The quota activation each shard of residents is served by; grants sent by an older one are
    // refused, so residents' limits hold while a quota grain moves between silos.
    private readonly Dictionary<int, Guid> _fences = [];

    private readonly EventOutbox<PoolState> _outbox = new(state, sink, logger);
    private CampaignDefinition _campaign = null!;
    private RoundDefinition _round = null!;
    private CouponTypeDefinition _couponType = null!;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private CouponBook _book = null!;
    private PagedLog<PoolGrant> _grantPages = null!;
    private PagedLog<CouponChange> _changePages = null!;
    private int _stock;
    private int? _shard;
    private int _shards = 1;
    private bool _paused;
    private bool _sealing;

    private int Capacity => _stock + state.State.Received.Values.Sum() + _book.RefundedHere + NetBorrowed;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (campaignId, roundId, couponTypeId, shard) = GrainKeys.ParsePool(this.GetPrimaryKeyString());
        var snapshot = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync()
            ?? throw new InvalidOperationException($"Pool {this.GetPrimaryKeyString()} names an unknown campaign.");
        _campaign = snapshot.Definition;
        _paused = snapshot.Status == CampaignStatus.Paused;
        _round = _campaign.Rounds.Single(r => r.Id == roundId);
        _couponType = _campaign.FindCouponType(couponTypeId)
            ?? throw new InvalidOperationException($"Pool {this.GetPrimaryKeyString()} names an unknown coupon type.");
        _shard = shard;
        _shards = _couponType.PoolShards;
        _stock = ShareOf(_round.Stock.GetValueOrDefault(couponTypeId));
        _zone = TimeZoneInfo.FindSystemTimeZoneById(_campaign.TimeZone ?? CampaignDefinition.DefaultTimeZone);

        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Claims);
        _grantPages = new PagedLog<PoolGrant>(storage, this.GetGrainId(), "pool-page");
        _changePages = new PagedLog<CouponChange>(storage, this.GetGrainId(), "pool-changes");
        _book = new CouponBook(roundId);
        var grants = state.State.Grants;
        foreach (var grant in (await _grantPages.ReadAsync(grants.SealedPages)).Concat(grants.Open))
        {
            _book.Add(grant);
        }

        var changes = state.State.Changes;
        foreach (var change in (await _changePages.ReadAsync(changes.SealedPages)).Concat(changes.Open))
        {
            _book.Apply(change);
        }

        // Whatever was read back is stored; its events may not have reached the sink.
        _durableGrants = _book.Granted;
        await DeliverGrantEventsQuietlyAsync();
        await _outbox.RestoreAsync();
        PostCounts();
    }

    public async ValueTask<IReadOnlyList<ClaimOutcome>> GrantAsync(IReadOnlyList<PoolGrantRequest> requests)
    {
        // Every request is decided in this turn; one write then makes the whole batch durable.
        var outcomes = new ClaimOutcome[requests.Count];
        var durableAt = 0L;
        for (var i = 0; i < requests.Count; i++)
        {
            (outcomes[i], var version) = Decide(requests[i]);
            durableAt = Math.Max(durableAt, version);
        }

        durableAt = Math.Max(durableAt, await GrantFromSiblingsAsync(requests, outcomes));

        // A grant is acknowledged once stored; its event reaches the ledger behind it. A crash in
        // between leaves the event to whatever activates the pool next (see OnActivateAsync).
        if (durableAt > 0)
        {
            await _outbox.StoreAsync(durableAt);
            GrantsStoredWith(durableAt);
            DeliverGrantEventsLater();
            PostCounts();
            await SealFullPagesAsync();
        }

        return outcomes;
    }

    public async ValueTask<IReadOnlyList<ListGrantResult>> GrantListedAsync(IReadOnlyList<string> userIds)
    {
        var now = time.GetUtcNow();
        var results = new ListGrantResult[userIds.Count];
        var durableAt = 0L;
        for (var i = 0; i < userIds.Count; i++)
        {
            var userId = userIds[i];
            if (_book.Find(userId, ListRequestKey) is { } held)
            {
                results[i] = new(userId, ToCoupon(held, now), AlreadyHeld: true, null);
                durableAt = Math.Max(durableAt, held.Grant.Version);
            }
            else if (Unavailable(now) is { } refusal)
            {
                results[i] = new(userId, null, AlreadyHeld: false, refusal);
            }
            else
            {
                var (coupon, version) = Grant(userId, ListRequestKey, now);
                results[i] = new(userId, coupon, AlreadyHeld: false, null);
                durableAt = version;
            }
        }

        await CommitAsync(durableAt);
        return results;
    }

    public async ValueTask<Coupon?> FindListedAsync(string userId)
    {
        if (_book.Find(userId, ListRequestKey) is not { } held)
        {
            return null;
        }

        await CommitAsync(held.Grant.Version);
        return ToCoupon(held, time.GetUtcNow());
    }

    // The grant (new, or the one this request already obtained) and the state version that must
    // be durable before it is answered; 0 for a refusal.
    private (ClaimOutcome Outcome, long Version) Decide(PoolGrantRequest request)
    {
        var now = time.GetUtcNow();
        if (_book.Find(request.UserId, request.RequestKey) is { } earlier)
        {
            return (ClaimOutcome.Granted(ToCoupon(earlier, now)), earlier.Grant.Version);
        }

        var shard = QuotaShards.Of(request.UserId);
        if (_fences.TryGetValue(shard, out var fence) && fence != request.Fence)
        {
            return (ClaimOutcome.Refused(ClaimRefusal.Superseded), 0);
        }

        _fences[shard] = request.Fence;
        if (_paused)
        {
            return (ClaimOutcome.Refused(ClaimRefusal.CampaignPaused), 0);
        }

        if (Unavailable(now) is { } refusal)
        {
            return (ClaimOutcome.Refused(refusal), 0);
        }

        var (coupon, version) = Grant(request.UserId, request.RequestKey, now);
        return (ClaimOutcome.Granted(coupon), version);
    }

    // The round's own window is checked here too: the quota grain decided on its clock, and a
    // claim reaching the pool after the close must not take stock that has been passed on.
    private ClaimRefusal? Unavailable(DateTimeOffset now) =>
        now < _round.OpensAt || now >= _round.ClosesAt || state.State.Closed ? ClaimRefusal.RoundNotOpen
        : _book.Granted >= Capacity ? ClaimRefusal.SoldOut
        : null;

    private (Coupon Coupon, long Version) Grant(string userId, string requestKey, DateTimeOffset now)
    {
        // Residents read their coupon's times in the campaign's zone.
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var version = _outbox.NextVersion();
        var grant = new PoolGrant(_book.Granted + 1, userId, requestKey, local, _round.ValidUntil(local), version);
        state.State.Grants.Open.Add(grant);
        _book.Add(grant);
        return (ToCoupon(_book.Find(grant.Sequence)!, now), version);
    }

    public async Task<IReadOnlyList<Coupon>> SyncShardAsync(int shard, Guid fence)
    {
        _fences[shard] = fence;
        var now = time.GetUtcNow();
        return await StoredAsync([.. _book.OfShard(shard).Select(life => ToCoupon(life, now))]);
    }

    public async ValueTask<IReadOnlyList<Coupon>> GetOwnedAsync(string userId)
    {
        var now = time.GetUtcNow();
        return await StoredAsync([.. _book.OfShard(QuotaShards.Of(userId)).Where(life => life.Grant.OwnerId == userId).Select(life => ToCoupon(life, now))]);
    }

    // A grant whose write failed stays in memory until the next write stores it. A quota grain
    // answers a retried claim from what this pool reports, so a report waits until everything in
    // it is stored: nobody is shown a coupon that a crash could still take back.
    private async ValueTask<IReadOnlyList<Coupon>> StoredAsync(IReadOnlyList<Coupon> coupons)
    {
        await _outbox.StoreAsync(state.State.Version);
        return coupons;
    }

    public ValueTask<PoolStock> GetStockAsync()
    {
        var outgoing = Outgoing();
        return ValueTask.FromResult(new PoolStock(
            _round.Id,
            _couponType.Id,
            _stock,
            RolledIn: state.State.Received.Values.Sum(),
            Refunded: _book.RefundedHere,
            Granted: _book.Granted,
            Redeemed: _book.InStatus(CouponStatus.Used),
            Expired: _book.InStatus(CouponStatus.Expired),
            RolledOut: outgoing.Where(o => o.Key != FundTarget).Sum(o => o.Value),
            ReturnedToFund: outgoing.GetValueOrDefault(FundTarget),
            Closed: state.State.Closed,
            Borrowed: NetBorrowed));
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

    // Makes every change up to `version` durable and delivers its events, grants' first so the
    // ledger never holds a coupon's later change without its grant; then seals full pages.
    private async ValueTask CommitAsync(long version)
    {
        if (version <= 0)
        {
            return;
        }

        await _outbox.StoreAsync(version);
        GrantsStoredWith(version);
        PostCounts();
        await GrantEventsDeliveredAsync();
        await _outbox.CommitAsync(version);
        await SealFullPagesAsync();
    }

    // Moves every full page of the open logs into rows of their own, then drops them from the
    // state. Until the state write records the pages, a restart ignores their rows.
    private async Task SealFullPagesAsync()
    {
        var grants = state.State.Grants.FullPages();
        var changes = state.State.Changes.FullPages();
        if (_sealing || grants.Count + changes.Count == 0)
        {
            return;
        }

        _sealing = true;
        try
        {
            var firstGrants = state.State.Grants.SealedPages;
            var firstChanges = state.State.Changes.SealedPages;
            await Task.WhenAll(grants.Select((page, i) => _grantPages.WriteAsync(firstGrants + i, page))
                .Concat(changes.Select((page, i) => _changePages.WriteAsync(firstChanges + i, page))));
            state.State.Grants.Sealed(grants.Count);
            state.State.Changes.Sealed(changes.Count);
            await _outbox.StoreAsync(_outbox.NextVersion());
        }
        catch (Exception exception)
        {
            // The change that triggered the seal is already durable; the pages stay open and the
            // next change tries again.
            LogSealFailed(exception, this.GetPrimaryKeyString());
        }
        finally
        {
            _sealing = false;
        }
    }

    private Coupon ToCoupon(CouponLife life, DateTimeOffset now) => ToCoupon(life.Grant, life.StatusAt(now));

    private Coupon ToCoupon(PoolGrant grant, CouponStatus status) => new(
        CouponId: CouponId(grant.Sequence),
        CampaignId: _campaign.Id,
        RoundId: _round.Id,
        Phase: _round.PhaseKey,
        CouponTypeId: _couponType.Id,
        Industry: _couponType.Industry,
        FaceValue: _couponType.FaceValue,
        MinSpend: _couponType.MinSpend,
        MaxSpend: _couponType.MaxSpend,
        OwnerId: grant.OwnerId,
        RequestKey: grant.RequestKey,
        ValidFrom: grant.ClaimedAt,
        ValidUntil: grant.ValidUntil,
        Status: status);

    private string CouponId(int sequence) => CouponIds.Format(_campaign.Id, _round.Id, _couponType.Id, _shard, sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing a page of pool {PoolKey} failed; it stays open")]
    private partial void LogSealFailed(Exception exception, string poolKey);
}
