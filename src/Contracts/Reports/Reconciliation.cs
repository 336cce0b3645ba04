namespace Claims.Contracts.Reports;

/// <summary>
/// The ledger checked against the pools' own counters (granted, redeemed, refunded into the
/// round, expired, rolled in, per round and coupon type) and against the settlement (paid, per
/// fund). <see cref="Checked"/> counts the comparisons made; a healthy campaign has no differences.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.reconciliation")]
public sealed record Reconciliation(string CampaignId, DateTimeOffset GeneratedAt, int Checked, IReadOnlyList<ReconciliationDifference> Differences);
