namespace Claims.Contracts.Campaigns;

/// <summary>
/// Where claims of one coupon type in one round go: its pool grains (one per shard), and whether
/// the pool alone can decide a claim. It can when every limit that concerns the type counts only
/// coupons of this type in this round, so the pool's own grants are everything the limit counts:
/// then a claim goes straight to the pool, which refuses a resident holding
/// <see cref="MaxHeld"/> of its coupons, and no quota grain is asked.
/// </summary>
public sealed class RoundRoute
{
    private readonly string _campaignId;
    private readonly string _couponTypeId;
    private readonly int _poolShards;

    internal RoundRoute(CampaignDefinition campaign, RoundDefinition round, CouponTypeDefinition couponType)
    {
        _campaignId = campaign.Id;
        _couponTypeId = couponType.Id;
        _poolShards = couponType.PoolShards;
        Round = round;
        PoolKeys = campaign.PoolKeys(round.Id, couponType.Id);
        var limits = (campaign.Limits ?? []).Where(l => l.Concerns(couponType.Industry)).ToList();
        // A pool counts the coupons it granted to each account, whatever became of them: limits
        // that refunds or expiries free, or that count a person's accounts together, are the
        // quota grains' to keep.
        Direct = !couponType.ListOnly && campaign.LimitsFreedBy is not { Count: > 0 } && !campaign.KeyedByPerson() && limits.All(l => CountsOnly(campaign, l, round, couponType));
        MaxHeld = limits.Count == 0 ? int.MaxValue : limits.Min(l => l.Max);
    }

    public RoundDefinition Round { get; }

    /// <summary>Every pool grain holding the round's stock of the type, one per shard.</summary>
    public IReadOnlyList<string> PoolKeys { get; }

    /// <summary>Whether claims go straight to the pool, which enforces the limits itself.</summary>
    public bool Direct { get; }

    /// <summary>How many of this pool's coupons a resident may hold, when <see cref="Direct"/>.</summary>
    public int MaxHeld { get; }

    /// <summary>The pool grain serving the residents of quota slot <paramref name="slot"/>.</summary>
    public string PoolKeyForSlot(int slot) =>
        _poolShards == 1 ? PoolKeys[0] : GrainKeys.Pool(_campaignId, Round.Id, _couponTypeId, PoolShards.ServingQuotaShard(slot, _poolShards));

    public string PoolKeyFor(string userId) => _poolShards == 1 ? PoolKeys[0] : PoolKeyForSlot(QuotaShards.Of(userId));

    // Whether the limit counts, with a claim of this type in this round, coupons of nothing else.
    private static bool CountsOnly(CampaignDefinition campaign, LimitDefinition limit, RoundDefinition round, CouponTypeDefinition couponType)
    {
        var rounds = limit.Per switch
        {
            LimitPeriod.Round => [round],
            LimitPeriod.Phase => campaign.Rounds.Where(r => r.PhaseKey == round.PhaseKey),
            _ => campaign.Rounds,
        };
        return rounds.All(r => r.Stock.Keys.All(typeId => (typeId == couponType.Id && r.Id == round.Id) || !CountedTogether(campaign, limit, couponType, typeId)));
    }

    private static bool CountedTogether(CampaignDefinition campaign, LimitDefinition limit, CouponTypeDefinition couponType, string otherTypeId) =>
        campaign.FindCouponType(otherTypeId) is { ListOnly: false } other
        && limit.Concerns(other.Industry)
        && limit.GroupBy switch
        {
            LimitGrouping.CouponType => other.Id == couponType.Id,
            LimitGrouping.Industry => other.Industry == couponType.Industry,
            _ => true,
        };
}
