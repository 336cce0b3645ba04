namespace Claims.Grains.Pools;

/// <summary>What happened to a granted coupon.</summary>
public enum CouponChangeKind
{
    Redeemed,
    Refunded,
    Expired,

    /// <summary>An operator reversed the redemption as fraudulent: the coupon is void and its value passed on.</summary>
    Reversed,

    /// <summary>An operator approved a reviewed redemption: it is settled.</summary>
    Approved,

    /// <summary>An operator rejected a reviewed redemption: the coupon went back to its owner while valid, else its value passed on.</summary>
    Rejected,
}
