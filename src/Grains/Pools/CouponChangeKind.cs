namespace Claims.Grains.Pools;

/// <summary>What happened to a granted coupon.</summary>
public enum CouponChangeKind
{
    Redeemed,
    Refunded,
    Expired,

    /// <summary>An operator reversed the redemption as fraudulent: the coupon is void and its value passed on.</summary>
    Reversed,
}
