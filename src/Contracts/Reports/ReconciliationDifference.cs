namespace Claims.Contracts.Reports;

/// <summary>
/// One measure on which the ledger and the other side disagree, for a fund and (when it is a
/// pool's measure) a round and coupon type. <see cref="Difference"/> is ledger − other.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.reconciliation-difference")]
public sealed record ReconciliationDifference(string Fund, string? RoundId, string? CouponTypeId, string Measure, decimal Ledger, decimal Other, decimal Difference);
