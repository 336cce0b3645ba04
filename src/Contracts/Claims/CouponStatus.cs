namespace Claims.Contracts.Claims;

/// <summary>Where a coupon is in its life.</summary>
public enum CouponStatus
{
    Claimed,
}
