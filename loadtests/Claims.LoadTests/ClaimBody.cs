namespace Claims.LoadTests;

/// <summary>The body of <c>POST /campaigns/{id}/claims</c>.</summary>
public sealed record ClaimBody(string CouponTypeId, string RegionCode);
