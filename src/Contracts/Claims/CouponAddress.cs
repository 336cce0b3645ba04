namespace Claims.Contracts.Claims;

/// <summary>The pool (or pool shard) a coupon came from and its sequence number there.</summary>
public readonly record struct CouponAddress(string CampaignId, string RoundId, string CouponTypeId, int? Shard, int Sequence)
{
    public string PoolKey => GrainKeys.Pool(CampaignId, RoundId, CouponTypeId, Shard);
}
