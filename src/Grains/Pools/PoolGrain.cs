using Claims.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Claims.Grains.Pools;

// Reentrant so that batches arriving while a write is in flight are decided at once and their
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
    private readonly Dictionary<int, List<PoolGrant>> _byShard = [];

    // The quota activation each shard of residents is served by; grants sent by an older one are
    // refused, so residents' limits hold while a quota grain moves between silos.
    private readonly Dictionary<int, Guid> _fences = [];

    private CampaignDefinition _campaign = null!;
    private RoundDefinition _round = null!;
    private CouponTypeDefinition _couponType = null!;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private int _stock;
    private bool _paused;
    private bool _sealing;
    private PoolPages _pages = null!;
    private readonly EventOutbox<PoolState> _outbox = new(state, sink, logger);

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
        _pages = new PoolPages(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Claims), this.GetGrainId());
        foreach (var grant in (await _pages.ReadAsync(state.State.SealedPages)).Concat(state.State.Open))
        {
            Index(grant, QuotaShards.Of(grant.OwnerId));
        }

        await _outbox.RestoreAsync();
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

        if (durableAt > 0)
        {
            await _outbox.CommitAsync(durableAt);
            await SealFullPagesAsync();
        }

        return outcomes;
    }

    // The grant (new, or the one this request already obtained) and the state version that must
    // be durable before it is answered; 0 for a refusal.
    private (ClaimOutcome Outcome, long Version) Decide(PoolGrantRequest request)
    {
        if (_byRequest.TryGetValue((request.UserId, request.RequestKey), out var earlier))
        {
            return (ClaimOutcome.Granted(ToCoupon(earlier)), earlier.Version);
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

        if (state.State.Granted >= _stock)
        {
            return (ClaimOutcome.Refused(ClaimRefusal.SoldOut), 0);
        }

        // Residents read their coupon's times in the campaign's zone.
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone);
        var version = _outbox.NextVersion();
        var grant = new PoolGrant(state.State.Granted + 1, request.UserId, request.RequestKey, now, _round.ValidUntil(now), version);
        state.State.Open.Add(grant);
        Index(grant, shard);
        var coupon = ToCoupon(grant);
        _outbox.Raise(version, new CouponClaimed { EventId = $"claimed:{coupon.CouponId}", OccurredAt = now, Coupon = coupon });
        return (ClaimOutcome.Granted(coupon), version);
    }

    // Moves every full page of open grants into rows of their own, then drops them from the
    // state. Grants made meanwhile are appended behind them, so removing their count from the
    // front removes exactly the sealed grants. Until the state write records the pages, a restart
    // ignores their rows.
    private async Task SealFullPagesAsync()
    {
        var full = state.State.Open.Count / PoolPages.PageSize;
        if (_sealing || full == 0)
        {
            return;
        }

        _sealing = true;
        try
        {
            var first = state.State.SealedPages;
            var pages = Enumerable.Range(0, full).Select(i => state.State.Open.GetRange(i * PoolPages.PageSize, PoolPages.PageSize)).ToList();
            await Task.WhenAll(pages.Select((page, i) => _pages.WriteAsync(first + i, page)));
            state.State.Open.RemoveRange(0, full * PoolPages.PageSize);
            state.State.SealedPages += full;
            state.State.SealedGrants += full * PoolPages.PageSize;
            await _outbox.CommitAsync(_outbox.NextVersion());
        }
        catch (Exception exception)
        {
            // The grant that triggered the seal is already durable; the pages stay open and the
            // next grant tries again.
            LogSealFailed(exception, this.GetPrimaryKeyString());
        }
        finally
        {
            _sealing = false;
        }
    }

    public Task<IReadOnlyList<Coupon>> SyncShardAsync(int shard, Guid fence)
    {
        _fences[shard] = fence;
        IReadOnlyList<Coupon> coupons = _byShard.TryGetValue(shard, out var grants) ? [.. grants.Select(ToCoupon)] : [];
        return Task.FromResult(coupons);
    }

    public ValueTask<PoolStock> GetStockAsync() =>
        ValueTask.FromResult(new PoolStock(_round.Id, _couponType.Id, _stock, state.State.Granted));

    public Task SetPausedAsync(bool paused)
    {
        _paused = paused;
        return Task.CompletedTask;
    }

    private void Index(PoolGrant grant, int shard)
    {
        _byRequest[(grant.OwnerId, grant.RequestKey)] = grant;
        if (!_byShard.TryGetValue(shard, out var owned))
        {
            _byShard[shard] = owned = [];
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing a page of pool {PoolKey} failed; it stays open")]
    private partial void LogSealFailed(Exception exception, string poolKey);
}
