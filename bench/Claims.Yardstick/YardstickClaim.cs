namespace Claims.Yardstick;

/// <summary>The body of a claim, as Claims' API takes it.</summary>
public sealed record YardstickClaim(string? CouponTypeId, string? RegionCode);
