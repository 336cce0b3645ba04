namespace Claims.Api.Redemptions;

public sealed record RedemptionBody(string? CouponId, string? UserId, string? OrderId, decimal? OrderAmount, string? RegionCode);
