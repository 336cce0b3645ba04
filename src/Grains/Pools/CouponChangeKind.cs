namespace Claims.Grains.Pools;

/// <summary>What happened to a granted coupon.</summary>
public enum CouponChangeKind
{
    Redeemed,
    Refunded,
    Expired,
}
