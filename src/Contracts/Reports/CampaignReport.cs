namespace Claims.Contracts.Reports;

/// <summary>The statistics report the seeds ask for after a campaign, built from the ledger.</summary>
[GenerateSerializer, Immutable, Alias("claims.campaign-report")]
public sealed record CampaignReport(string CampaignId, DateTimeOffset GeneratedAt, long LedgerEvents, IReadOnlyList<ReportLine> Lines, IReadOnlyList<MerchantReportLine> Merchants);
