namespace Claims.Contracts.Reports;

/// <summary>
/// One region code of a campaign (000, 003: residents located in the region when claiming and
/// when redeeming): the claims made from it with the residents who made them, and the
/// redemptions made from it, net of their refunds, reversals and rejections. Coupons granted to a
/// list were claimed from no region: their <see cref="RegionCode"/> is left out.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.report-region")]
public sealed record ReportRegion(string? RegionCode, int Claimed, decimal ClaimedValue, int Residents, int Redeemed, decimal RedeemedValue, decimal OrderTotal);
