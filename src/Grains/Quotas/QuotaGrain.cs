using Claims.Contracts.Draws;

namespace Claims.Grains.Quotas;

// Reentrant so a shard's residents claim concurrently and their grants coalesce in the pools'
// writes; each resident's own claims still run one at a time (Resident.InTurnAsync). Nothing is
// stored here: the pools hold every grant with its owner, and a new activation reads them back
// before deciding anything. A campaign whose limits count persons keys its residents here by the
// person id its claims carry: the coupons of every account of one person are counted together.
[Reentrant]
public sealed partial class QuotaGrain(CampaignDirectory campaigns, TimeProvider time, ILogger<QuotaGrain> logger) : Grain, IQuotaGrain
{
    private readonly Guid _fence = Guid.NewGuid();
    private readonly HashSet<string> _syncedPools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Resident> _residents = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _syncing = new(1, 1);
    private readonly Dictionary<string, RequestBatcher<PoolGrantRequest, ClaimOutcome>> _batchers = new(StringComparer.Ordinal);
    private string _campaignId = "";
    private string _scope = "";
    private int _grain;
    private IReadOnlyList<int> _slots = [];

    // Until this instant no pool of the scope opens that has not been read: most claims skip the scan.
    private DateTimeOffset _nextOpening = DateTimeOffset.MinValue;
    private bool _resyncNeeded;
    private ClaimRoutes? _routes;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_campaignId, _scope, _grain) = GrainKeys.ParseQuota(this.GetPrimaryKeyString());
        _routes = await campaigns.FindRoutesAsync(_campaignId);
        if (_routes is not null)
        {
            _slots = QuotaSlots.Of(_grain, _routes.Campaign.QuotaGrains);
        }
    }

    public async Task<IReadOnlyList<ClaimOutcome>> ClaimAsync(IReadOnlyList<ResidentClaim> claims)
    {
        var outcomes = new Task<ClaimOutcome>[claims.Count];
        var now = time.GetUtcNow();
        await RefreshAsync(now);

        // Residents with no claim in progress are decided in this turn, and what goes on to a pool
        // leaves in one call per pool: sent one by one, the first would go alone and the rest
        // wait for its answer. A resident already claiming, a list-only claim, or anything read
        // since is decided in the resident's turn instead.
        var toPools = new Dictionary<string, List<PendingGrant>>(StringComparer.Ordinal);
        for (var i = 0; i < claims.Count; i++)
        {
            var (userId, request) = claims[i];
            outcomes[i] = (_resyncNeeded ? null : DecideNow(userId, request, now, toPools)) ?? ClaimAsync(userId, request);
        }

        foreach (var (poolKey, pending) in toPools)
        {
            _ = GrantNowAsync(poolKey, pending);
        }

        return await Task.WhenAll(outcomes);
    }

    public async Task<IReadOnlyList<RegistrationOutcome>> RegisterAsync(IReadOnlyList<ResidentClaim> claims)
    {
        var now = time.GetUtcNow();
        await RefreshAsync(now);
        var outcomes = new RegistrationOutcome[claims.Count];
        var toPools = new Dictionary<string, List<(int Index, PoolGrantRequest Request)>>(StringComparer.Ordinal);
        for (var i = 0; i < claims.Count; i++)
        {
            var (userId, request) = claims[i];
            if (RegistrationRefusal(userId, request, now, out var round, out var holder) is { } refusal)
            {
                outcomes[i] = RegistrationOutcome.Refused(refusal);
                continue;
            }

            var poolKey = round.PoolKeyForSlot(QuotaShards.Of(holder));
            if (!toPools.TryGetValue(poolKey, out var pending))
            {
                toPools[poolKey] = pending = [];
            }

            pending.Add((i, GrantRequest(userId, holder, request)));
        }

        await Task.WhenAll(toPools.Select(async pool =>
        {
            var registered = await GrainFactory.GetGrain<IPoolGrain>(pool.Key).RegisterAsync([.. pool.Value.Select(p => p.Request)]);
            for (var j = 0; j < registered.Count; j++)
            {
                outcomes[pool.Value[j].Index] = registered[j];
            }
        }));
        return outcomes;
    }

    // Who may register is who could claim one more coupon of the type in the draw round now: the
    // draw itself claims through here again, so a winner the limits refuse by then is passed over.
    private ClaimRefusal? RegistrationRefusal(string userId, ClaimRequest request, DateTimeOffset now, out RoundRoute round, out string holder)
    {
        round = null!;
        holder = _routes is null ? userId : HolderOf(userId, request);
        if (_routes is null)
        {
            return ClaimRefusal.UnknownCampaign;
        }

        if (_routes.Find(request.CouponTypeId) is not { } couponType || couponType.QuotaScope != _scope || !Serves(holder))
        {
            return ClaimRefusal.UnknownCouponType;
        }

        if (_routes.Ineligible(userId, request.RegionCode) is { } ineligible)
        {
            return ineligible;
        }

        if (couponType.RegistrationRound(now) is not { } open)
        {
            return ClaimRefusal.RegistrationClosed;
        }

        round = open;
        return _residents.TryGetValue(holder, out var resident) && LimitReached(resident, couponType.CouponType, open.Round) ? ClaimRefusal.LimitReached : null;
    }

    // A revised campaign (a blacklist change, a round added) is the directory's new copy.
    private async Task RefreshAsync(DateTimeOffset now)
    {
        if (_routes is null)
        {
            return;
        }

        if (await campaigns.FindRoutesAsync(_campaignId) is { } latest && !ReferenceEquals(latest, _routes))
        {
            (_routes, _nextOpening) = (latest, DateTimeOffset.MinValue);
        }

        await SyncAsync(now);
    }

    public Task PrepareAsync(DateTimeOffset opensAt) => _routes is null ? Task.CompletedTask : SyncAsync(opensAt);

    // The outcome of an idle resident's claim, settled now or when its pool answers; null when
    // it must wait for the resident's turn.
    private Task<ClaimOutcome>? DecideNow(string userId, ClaimRequest request, DateTimeOffset now, Dictionary<string, List<PendingGrant>> toPools)
    {
        if (_routes is null || _routes.Find(request.CouponTypeId) is not { CouponType.ListOnly: false } couponType
            || couponType.QuotaScope != _scope)
        {
            return null;
        }

        var holder = HolderOf(userId, request);
        if (!Serves(holder) || (_residents.TryGetValue(holder, out var known) && !known.IsIdle))
        {
            return null;
        }

        var resident = ResidentOf(holder);
        if (resident.ByRequest.TryGetValue((userId, request.RequestKey), out var earlier))
        {
            return Task.FromResult(ClaimOutcome.Granted(earlier));
        }

        if (Refusal(userId, resident, couponType, request.RegionCode, now, out var round) is { } refusal)
        {
            if (refusal == ClaimRefusal.LimitReached && _routes.Campaign.LimitsFreedBy is { Count: > 0 })
            {
                // Coupons counted may have been refunded or expired since: read in the resident's turn.
                return null;
            }

            LogRefused(_campaignId, couponType.CouponType.Id, userId, refusal);
            Release(holder, resident);
            return Task.FromResult(ClaimOutcome.Refused(refusal));
        }

        var poolKey = round.PoolKeyForSlot(QuotaShards.Of(holder));
        if (!toPools.TryGetValue(poolKey, out var pending))
        {
            toPools[poolKey] = pending = [];
        }

        var grant = new PendingGrant(holder, resident, resident.BeginTurn(), GrantRequest(userId, holder, request), new(TaskCreationOptions.RunContinuationsAsynchronously));
        pending.Add(grant);
        return grant.Answer.Task;
    }

    private async Task GrantNowAsync(string poolKey, List<PendingGrant> pending)
    {
        IReadOnlyList<ClaimOutcome> outcomes;
        try
        {
            outcomes = await GrainFactory.GetGrain<IPoolGrain>(poolKey).GrantAsync([.. pending.Select(p => p.Request)]);
        }
        catch (Exception exception)
        {
            // The pool may have granted before failing to answer: read it again before the next claim.
            await ForgetAsync(poolKey);
            foreach (var grant in pending)
            {
                grant.Turn.SetResult();
                Release(grant.Holder, grant.Resident);
                grant.Answer.SetException(exception);
            }

            return;
        }

        for (var i = 0; i < pending.Count; i++)
        {
            var grant = pending[i];
            Recorded(grant.Resident, outcomes[i]);
            grant.Turn.SetResult();
            Release(grant.Holder, grant.Resident);
            grant.Answer.SetResult(outcomes[i]);
        }
    }

    private async Task<ClaimOutcome> ClaimAsync(string userId, ClaimRequest request)
    {
        if (_routes is null)
        {
            return ClaimOutcome.Refused(ClaimRefusal.UnknownCampaign);
        }

        var couponType = _routes.Find(request.CouponTypeId);
        var holder = HolderOf(userId, request);
        if (couponType is null || couponType.QuotaScope != _scope || !Serves(holder))
        {
            return ClaimOutcome.Refused(ClaimRefusal.UnknownCouponType);
        }

        var resident = ResidentOf(holder);
        try
        {
            return await resident.InTurnAsync(() => ClaimInTurnAsync(userId, holder, resident, couponType, request));
        }
        finally
        {
            Release(holder, resident);
        }
    }

    // Whose quota the claim counts against: the account, or the person in a campaign that counts persons.
    private string HolderOf(string userId, ClaimRequest request) => _routes!.Campaign.LimitHolderOf(userId, request.PersonId);

    private bool Serves(string holder) => QuotaShards.GrainOf(QuotaShards.Of(holder), _routes!.Campaign.QuotaGrains) == _grain;

    private PoolGrantRequest GrantRequest(string userId, string holder, ClaimRequest request) =>
        new(userId, request.RequestKey, _fence, request.RegionCode, _routes!.Campaign.KeyedByPerson() ? holder : null);

    // Most of a rush is refused: keep no entry for a resident who holds nothing and waits for nothing.
    private void Release(string holder, Resident resident)
    {
        if (resident.IsIdle && resident.Coupons.Count == 0)
        {
            _residents.Remove(holder);
        }
    }

    private void Recorded(Resident resident, ClaimOutcome outcome)
    {
        if (outcome.Coupon is { } coupon)
        {
            resident.Record(coupon);
        }
        else if (outcome.Refusal == ClaimRefusal.Superseded)
        {
            // Another activation of this quota grain exists; this one must not act again.
            DeactivateOnIdle();
        }
    }

    private async Task<ClaimOutcome> ClaimInTurnAsync(string userId, string holder, Resident resident, CouponTypeRoute couponType, ClaimRequest request)
    {
        // Inside the turn: a pool forgotten after a failed claim of this resident is read again
        // before their next claim is decided. The resident's entry stays put while a turn of
        // theirs runs, so the reads below record into it.
        var now = time.GetUtcNow();
        await SyncAsync(now);
        if (resident.ByRequest.TryGetValue((userId, request.RequestKey), out var earlier))
        {
            return ClaimOutcome.Granted(earlier);
        }

        if (couponType.CouponType.ListOnly)
        {
            return await ListedAsync(userId, couponType, now);
        }

        var refusal = Refusal(userId, resident, couponType, request.RegionCode, now, out var round);
        if (refusal == ClaimRefusal.LimitReached && _routes!.Campaign.LimitsFreedBy is { Count: > 0 })
        {
            await ReadStatusesAsync(resident);
            refusal = Refusal(userId, resident, couponType, request.RegionCode, now, out round);
        }

        if (refusal is not null)
        {
            LogRefused(_campaignId, couponType.CouponType.Id, userId, refusal.Value);
            return ClaimOutcome.Refused(refusal.Value);
        }

        var poolKey = round.PoolKeyForSlot(QuotaShards.Of(holder));
        ClaimOutcome outcome;
        try
        {
            outcome = await BatcherFor(poolKey).SendAsync(GrantRequest(userId, holder, request));
        }
        catch
        {
            // The pool may have granted before failing to answer: read it again before the next claim.
            await ForgetAsync(poolKey);
            throw;
        }

        Recorded(resident, outcome);
        return outcome;
    }

    // List-only coupons are granted by operators, not claimed: a resident on the list is shown the
    // coupon they were given, anyone else is refused.
    private async Task<ClaimOutcome> ListedAsync(string userId, CouponTypeRoute couponType, DateTimeOffset now)
    {
        if (couponType.OpenRound(now) is not { } round)
        {
            return ClaimOutcome.Refused(ClaimRefusal.RoundNotOpen);
        }

        var listed = await GrainFactory.GetGrain<IPoolGrain>(round.PoolKeys[0]).FindListedAsync(userId);
        return listed is null ? ClaimOutcome.Refused(ClaimRefusal.NotOnList) : ClaimOutcome.Granted(listed);
    }

    // A rush pays one pool call per batch of this grain's residents, not one per claim.
    private RequestBatcher<PoolGrantRequest, ClaimOutcome> BatcherFor(string poolKey)
    {
        if (!_batchers.TryGetValue(poolKey, out var batcher))
        {
            var pool = GrainFactory.GetGrain<IPoolGrain>(poolKey);
            _batchers[poolKey] = batcher = new(requests => pool.GrantAsync(requests).AsTask());
        }

        return batcher;
    }

    private Resident ResidentOf(string userId)
    {
        if (!_residents.TryGetValue(userId, out var resident))
        {
            _residents[userId] = resident = new Resident();
        }

        return resident;
    }

    private ClaimRefusal? Refusal(string userId, Resident resident, CouponTypeRoute couponType, string regionCode, DateTimeOffset now, out RoundRoute round)
    {
        round = null!;
        if (_routes!.Ineligible(userId, regionCode) is { } ineligible)
        {
            return ineligible;
        }

        if (couponType.OpenRound(now) is not { } open)
        {
            return ClaimRefusal.RoundNotOpen;
        }

        round = open;
        return LimitReached(resident, couponType.CouponType, open.Round) ? ClaimRefusal.LimitReached : null;
    }

    private bool LimitReached(Resident resident, CouponTypeDefinition couponType, RoundDefinition round)
    {
        foreach (var limit in _routes!.Campaign.Limits ?? [])
        {
            if (!limit.Concerns(couponType.Industry))
            {
                continue;
            }

            var counted = resident.Coupons.Values.Count(c =>
                _routes.Campaign.CountsAgainstLimits(c.Status)
                && limit.Concerns(c.Industry)
                && limit.GroupBy switch
                {
                    LimitGrouping.Industry => c.Industry == couponType.Industry,
                    LimitGrouping.CouponType => c.CouponTypeId == couponType.Id,
                    _ => true,
                }
                && limit.Per switch
                {
                    LimitPeriod.Round => c.RoundId == round.Id,
                    LimitPeriod.Phase => c.Phase == round.PhaseKey,
                    _ => true,
                });
            if (counted >= limit.Max)
            {
                return true;
            }
        }

        return false;
    }

    // What became of the resident's coupons, from their pools: only a campaign whose limits
    // refunds or expiries free asks, and only for a resident at a limit.
    private async Task ReadStatusesAsync(Resident resident)
    {
        // Per account: a person's coupons may be held by several.
        var reads = resident.Coupons.Values
            .Select(c => CouponIds.TryParse(c.CouponId, out var address) ? (address.PoolKey, c.OwnerId, c.PersonId) : default)
            .Where(r => r.PoolKey is not null)
            .Distinct();
        var owned = await Task.WhenAll(reads.Select(r => GrainFactory.GetGrain<IPoolGrain>(r.PoolKey).GetOwnedAsync(r.OwnerId, r.PersonId).AsTask()));
        foreach (var coupon in owned.SelectMany(c => c))
        {
            resident.Record(coupon);
        }
    }

    // Reads this grain's slots' grants from every pool of the scope that has opened and was not
    // read by this activation yet; the read also fences off any older activation. One read at a time, and
    // a claim skips it only while no pool waits to be read: a claim arriving while a read is in
    // flight waits for it, so it never decides on a pool half read or forgotten.
    private async Task SyncAsync(DateTimeOffset now)
    {
        if (!_resyncNeeded && now < _nextOpening)
        {
            return;
        }

        await _syncing.WaitAsync();
        try
        {
            var pending = PendingPools(now);
            var owned = await Task.WhenAll(pending.Select(key => GrainFactory.GetGrain<IPoolGrain>(key).SyncSlotsAsync(_slots, _fence)));
            foreach (var coupon in owned.SelectMany(c => c))
            {
                ResidentOf(coupon.PersonId ?? coupon.OwnerId).Record(coupon);
            }

            // Cleared only once every pending pool is read: a read that failed (a store
            // restarting) is tried again before the next decision.
            _syncedPools.UnionWith(pending);
            _resyncNeeded = false;
            _nextOpening = _routes!.Campaign.Rounds.Where(r => r.OpensAt > now).Select(r => r.OpensAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        }
        finally
        {
            _syncing.Release();
        }
    }

    // Under the read lock: a read in flight may have started before this grant and would mark the
    // pool read when it ends, hiding the grant from the resident's next claim.
    private async Task ForgetAsync(string poolKey)
    {
        await _syncing.WaitAsync();
        try
        {
            _syncedPools.Remove(poolKey);
            _resyncNeeded = true;
        }
        finally
        {
            _syncing.Release();
        }
    }

    // Every pool shard serving one of this grain's slots, of each type of the scope, in each round opened.
    private List<string> PendingPools(DateTimeOffset now) => [.. (
        from round in _routes!.Campaign.Rounds
        where round.OpensAt <= now
        from couponTypeId in round.Stock.Keys
        let couponType = _routes.Find(couponTypeId)
        where couponType is { CouponType.ListOnly: false } && couponType.QuotaScope == _scope
        from slot in _slots
        let poolKey = couponType.Round(round.Id)!.PoolKeyForSlot(slot)
        where !_syncedPools.Contains(poolKey)
        select poolKey).Distinct()];

    private sealed record PendingGrant(string Holder, Resident Resident, TaskCompletionSource Turn, PoolGrantRequest Request, TaskCompletionSource<ClaimOutcome> Answer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claim of {CouponTypeId} in {CampaignId} by {UserId} refused: {Refusal}")]
    private partial void LogRefused(string campaignId, string couponTypeId, string userId, ClaimRefusal refusal);
}
