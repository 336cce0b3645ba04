namespace Claims.Contracts.Reports;

/// <summary>A merchant's redemptions in a campaign, net of refunds and reversals: count, discount given and order total.</summary>
[GenerateSerializer, Immutable, Alias("claims.merchant-report-line")]
public sealed record MerchantReportLine(string MerchantId, int Redemptions, decimal Value, decimal OrderTotal);
