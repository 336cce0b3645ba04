namespace Claims.LoadTests;

/// <summary>A coupon type the crowd claims: what its pool could grant in the rehearsed round, and when a resident was first refused it as sold out (seconds from the opening).</summary>
public sealed record PoolFigures(string CouponTypeId, int Capacity, double? SoldOutAt);
