namespace Claims.Contracts.Redemptions;

/// <summary>A refund's answer: its receipt, or the reversal that took the order's coupon first; neither when the order's redemption was rejected in review.</summary>
[GenerateSerializer, Immutable, Alias("claims.refund-outcome")]
public sealed record RefundOutcome(RefundReceipt? Receipt, ReversalReceipt? ReversedBy);
