namespace Claims.Contracts.Reports;

/// <summary>
/// The statistics report the seeds ask for after a campaign, built from the ledger: a line per
/// round and coupon type, per merchant, totals per campaign, fund and industry, the campaign
/// by day and by the region residents claimed and redeemed from.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.campaign-report")]
public sealed record CampaignReport(
    string CampaignId,
    DateTimeOffset GeneratedAt,
    long LedgerEvents,
    IReadOnlyList<ReportLine> Lines,
    IReadOnlyList<MerchantReportLine> Merchants,
    IReadOnlyList<ReportTotal>? Totals = null,
    IReadOnlyList<ReportDay>? Days = null,
    IReadOnlyList<ReportRegion>? Regions = null);
