namespace Claims.Grains.Quotas;

// Not reentrant: one claim of a resident at a time, so a limit is checked and the grant recorded
// without another claim of the same resident in between. Nothing is stored here: the pools hold
// every grant with its owner, and a new activation reads them back before deciding anything.
public sealed partial class QuotaGrain(CampaignDirectory campaigns, TimeProvider time, ILogger<QuotaGrain> logger) : Grain, IQuotaGrain
{
    private readonly Guid _fence = Guid.NewGuid();
    private readonly HashSet<string> _syncedPools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Coupon> _coupons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Coupon> _byRequest = new(StringComparer.Ordinal);
    private string _campaignId = "";
    private string _userId = "";
    private string _scope = "";
    private CampaignDefinition? _campaign;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_campaignId, _userId, _scope) = GrainKeys.ParseQuota(this.GetPrimaryKeyString());
        _campaign = await campaigns.FindAsync(_campaignId);
    }

    public async Task<ClaimOutcome> ClaimAsync(ClaimRequest request)
    {
        if (_campaign is null)
        {
            return ClaimOutcome.Refused(ClaimRefusal.UnknownCampaign);
        }

        var now = time.GetUtcNow();
        await SyncAsync(now);
        if (_byRequest.TryGetValue(request.RequestKey, out var earlier))
        {
            return ClaimOutcome.Granted(earlier);
        }

        var couponType = _campaign.FindCouponType(request.CouponTypeId);
        if (couponType is null || _campaign.QuotaScopeFor(couponType) != _scope)
        {
            return ClaimOutcome.Refused(ClaimRefusal.UnknownCouponType);
        }

        if (Refusal(couponType, request.RegionCode, now, out var round) is { } refusal)
        {
            LogRefused(_campaignId, couponType.Id, _userId, refusal);
            return ClaimOutcome.Refused(refusal);
        }

        var poolKey = GrainKeys.Pool(_campaignId, round.Id, couponType.Id);
        ClaimOutcome outcome;
        try
        {
            outcome = await GrainFactory.GetGrain<IPoolGrain>(poolKey).GrantAsync(new(_userId, request.RequestKey, _fence));
        }
        catch
        {
            // The pool may have granted before failing to answer: read it again before the next claim.
            _syncedPools.Remove(poolKey);
            throw;
        }

        if (outcome.Coupon is { } coupon)
        {
            Record(coupon);
        }
        else if (outcome.Refusal == ClaimRefusal.Superseded)
        {
            // Another activation of this resident's quota exists; this one must not act again.
            DeactivateOnIdle();
        }

        return outcome;
    }

    public async Task<IReadOnlyList<Coupon>> GetCouponsAsync()
    {
        if (_campaign is null)
        {
            return [];
        }

        await SyncAsync(time.GetUtcNow());
        return [.. _coupons.Values.OrderBy(c => c.ValidFrom).ThenBy(c => c.CouponId, StringComparer.Ordinal)];
    }

    private ClaimRefusal? Refusal(CouponTypeDefinition couponType, string regionCode, DateTimeOffset now, out RoundDefinition round)
    {
        round = null!;
        if (_campaign!.Blacklist?.Contains(_userId) == true)
        {
            return ClaimRefusal.Blacklisted;
        }

        if (couponType.ListOnly)
        {
            return ClaimRefusal.NotOnList;
        }

        if (!_campaign.AdmitsRegion(regionCode))
        {
            return ClaimRefusal.RegionNotEligible;
        }

        if (_campaign.OpenRound(couponType.Id, now) is not { } open)
        {
            return ClaimRefusal.RoundNotOpen;
        }

        round = open;
        return LimitReached(couponType, open) ? ClaimRefusal.LimitReached : null;
    }

    private bool LimitReached(CouponTypeDefinition couponType, RoundDefinition round)
    {
        foreach (var limit in _campaign!.Limits ?? [])
        {
            if (!limit.Concerns(couponType.Industry))
            {
                continue;
            }

            var counted = _coupons.Values.Count(c =>
                limit.Concerns(c.Industry)
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

    // Reads this resident's grants from every pool of the scope that has opened and was not read
    // by this activation yet; the read also fences off any older activation.
    private async Task SyncAsync(DateTimeOffset now)
    {
        var pending = (
            from round in _campaign!.Rounds
            where round.OpensAt <= now
            from couponTypeId in round.Stock.Keys
            let couponType = _campaign.FindCouponType(couponTypeId)
            where couponType is { ListOnly: false } && _campaign.QuotaScopeFor(couponType) == _scope
            let poolKey = GrainKeys.Pool(_campaignId, round.Id, couponTypeId)
            where !_syncedPools.Contains(poolKey)
            select poolKey).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var owned = await Task.WhenAll(pending.Select(key => GrainFactory.GetGrain<IPoolGrain>(key).SyncOwnerAsync(_userId, _fence)));
        foreach (var coupon in owned.SelectMany(c => c))
        {
            Record(coupon);
        }

        _syncedPools.UnionWith(pending);
    }

    private void Record(Coupon coupon)
    {
        _coupons[coupon.CouponId] = coupon;
        _byRequest[coupon.RequestKey] = coupon;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claim of {CouponTypeId} in {CampaignId} by {UserId} refused: {Refusal}")]
    private partial void LogRefused(string campaignId, string couponTypeId, string userId, ClaimRefusal refusal);
}
