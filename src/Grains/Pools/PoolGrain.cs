using Claims.Grains.Events;

namespace Claims.Grains.Pools;

// Reentrant so that grants arriving while a write is in flight are decided at once and their
// writes coalesce into the next one (group commit). Every grant is checked and applied before the
// first await, which is what makes the interleaving safe.
[Reentrant]
public sealed partial class PoolGrain(
    [PersistentState("pool", StorageNames.Claims)] IPersistentState<PoolState> state,
    IClaimsEventSink sink,
    TimeProvider time,
    ILogger<PoolGrain> logger) : Grain, IPoolGrain
{
    private readonly Dictionary<(string OwnerId, string RequestKey), PoolGrant> _byRequest = [];
    private readonly Dictionary<string, List<PoolGrant>> _byOwner = new(StringComparer.Ordinal);

    // The quota activation each resident is served by; grants sent by an older one are refused,
    // so a resident's limits hold while a quota grain moves between silos.
    private readonly Dictionary<string, Guid> _fences = new(StringComparer.Ordinal);

    private CampaignDefinition _campaign = null!;
    private RoundDefinition _round = null!;
    private CouponTypeDefinition _couponType = null!;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private int _stock;
    private bool _paused;
    private long _durableVersion;
    private bool _delivering;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (campaignId, roundId, couponTypeId) = GrainKeys.ParsePool(this.GetPrimaryKeyString());
        var snapshot = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync()
            ?? throw new InvalidOperationException($"Pool {this.GetPrimaryKeyString()} names an unknown campaign.");
        _campaign = snapshot.Definition;
        _paused = snapshot.Status == CampaignStatus.Paused;
        _round = _campaign.Rounds.Single(r => r.Id == roundId);
        _couponType = _campaign.FindCouponType(couponTypeId)
            ?? throw new InvalidOperationException($"Pool {this.GetPrimaryKeyString()} names an unknown coupon type.");
        _stock = _round.Stock.GetValueOrDefault(couponTypeId);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(_campaign.TimeZone ?? CampaignDefinition.DefaultTimeZone);
        foreach (var grant in state.State.Grants)
        {
            Index(grant);
        }

        // Whatever was read back is durable; events still in the outbox were not handed over.
        _durableVersion = state.State.Version;
        await DeliverAsync();
    }

    public async ValueTask<ClaimOutcome> GrantAsync(PoolGrantRequest request)
    {
        if (_byRequest.TryGetValue((request.UserId, request.RequestKey), out var earlier))
        {
            await MakeDurableAsync(earlier.Version);
            return ClaimOutcome.Granted(ToCoupon(earlier));
        }

        if (_fences.TryGetValue(request.UserId, out var fence) && fence != request.Fence)
        {
            return ClaimOutcome.Refused(ClaimRefusal.Superseded);
        }

        _fences[request.UserId] = request.Fence;
        if (_paused)
        {
            return ClaimOutcome.Refused(ClaimRefusal.CampaignPaused);
        }

        if (state.State.Grants.Count >= _stock)
        {
            return ClaimOutcome.Refused(ClaimRefusal.SoldOut);
        }

        // Residents read their coupon's times in the campaign's zone.
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone);
        var version = ++state.State.Version;
        var grant = new PoolGrant(state.State.Grants.Count + 1, request.UserId, request.RequestKey, now, _round.ValidUntil(now), version);
        state.State.Grants.Add(grant);
        Index(grant);
        var coupon = ToCoupon(grant);
        state.State.Outbox.Add(new(version, new CouponClaimed { EventId = $"claimed:{coupon.CouponId}", OccurredAt = now, Coupon = coupon }));

        await MakeDurableAsync(version);
        return ClaimOutcome.Granted(coupon);
    }

    public Task<IReadOnlyList<Coupon>> SyncOwnerAsync(string userId, Guid fence)
    {
        _fences[userId] = fence;
        IReadOnlyList<Coupon> coupons = _byOwner.TryGetValue(userId, out var grants) ? [.. grants.Select(ToCoupon)] : [];
        return Task.FromResult(coupons);
    }

    public ValueTask<PoolStock> GetStockAsync() =>
        ValueTask.FromResult(new PoolStock(_round.Id, _couponType.Id, _stock, state.State.Grants.Count));

    public Task SetPausedAsync(bool paused)
    {
        _paused = paused;
        return Task.CompletedTask;
    }

    // Writes issued while another is in flight are joined by the storage bridge, so a burst of
    // grants costs a handful of storage writes; each caller still waits for a write that began
    // after its own change.
    private async ValueTask MakeDurableAsync(long version)
    {
        if (version <= _durableVersion)
        {
            return;
        }

        await state.WriteStateAsync();
        _durableVersion = Math.Max(_durableVersion, version);
        await DeliverAsync();
    }

    private async Task DeliverAsync()
    {
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        try
        {
            while (state.State.Outbox.Count > 0 && state.State.Outbox[0].Version <= _durableVersion)
            {
                var ready = state.State.Outbox.TakeWhile(e => e.Version <= _durableVersion).ToList();
                await sink.PublishAsync([.. ready.Select(e => e.Event)]);

                // The removal is persisted by a later write; until then a restart delivers again.
                state.State.Outbox.RemoveRange(0, ready.Count);
            }
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(exception, this.GetPrimaryKeyString());
        }
        finally
        {
            _delivering = false;
        }
    }

    private void Index(PoolGrant grant)
    {
        _byRequest[(grant.OwnerId, grant.RequestKey)] = grant;
        if (!_byOwner.TryGetValue(grant.OwnerId, out var owned))
        {
            _byOwner[grant.OwnerId] = owned = [];
        }

        owned.Add(grant);
    }

    private Coupon ToCoupon(PoolGrant grant) => new(
        CouponId: $"{_campaign.Id}.{_round.Id}.{_couponType.Id}.{grant.Sequence}",
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
        Status: CouponStatus.Claimed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering events of pool {PoolKey} failed; they stay in its outbox")]
    private partial void LogDeliveryFailed(Exception exception, string poolKey);
}
