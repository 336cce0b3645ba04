namespace Claims.Contracts.Reports;

/// <summary>A campaign's settlement from the ledger: per fund, and per fund and merchant.</summary>
[GenerateSerializer, Immutable, Alias("claims.settlement")]
public sealed record Settlement(string CampaignId, DateTimeOffset GeneratedAt, IReadOnlyList<FundSettlement> Funds, IReadOnlyList<MerchantSettlement> Merchants);
