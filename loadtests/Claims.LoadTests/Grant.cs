namespace Claims.LoadTests;

/// <summary>A coupon one resident was granted, as its 201 said.</summary>
public sealed record Grant(string ResidentId, string CouponTypeId, string CouponId, TimeSpan At);
