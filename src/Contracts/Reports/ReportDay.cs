namespace Claims.Contracts.Reports;

/// <summary>One day of a campaign, in its time zone: claims, the residents who claimed, and redemptions net of that day's refunds and reversals.</summary>
[GenerateSerializer, Immutable, Alias("claims.report-day")]
public sealed record ReportDay(DateOnly Date, int Claimed, decimal ClaimedValue, int Residents, int Redeemed, decimal RedeemedValue, decimal OrderTotal);
