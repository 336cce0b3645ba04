namespace Claims.Contracts.Redemptions;

/// <summary>A reversal's answer: its receipt, or the refund that gave the order's coupon back first; neither when the order's redemption was rejected in review.</summary>
[GenerateSerializer, Immutable, Alias("claims.reversal-outcome")]
public sealed record ReversalOutcome(ReversalReceipt? Receipt, RefundReceipt? RefundedBy);
