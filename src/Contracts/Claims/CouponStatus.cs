namespace Claims.Contracts.Claims;

/// <summary>Where a coupon is in its life.</summary>
public enum CouponStatus
{
    /// <summary>In the resident's wallet, usable until it expires.</summary>
    Claimed,

    /// <summary>Redeemed against an order.</summary>
    Used,

    /// <summary>Passed its validity unused; its value rolled on.</summary>
    Expired,

    /// <summary>Its order was refunded and its value went back to a pool or the fund.</summary>
    Void,
}
