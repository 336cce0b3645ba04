namespace Claims.Api.Admin;

public sealed record ListGrantBody(string? CouponTypeId, IReadOnlyList<string>? UserIds);
