namespace Claims.Api.Claims;

public sealed record ClaimBody(string? CouponTypeId, string? RegionCode);
