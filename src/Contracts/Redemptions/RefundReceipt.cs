namespace Claims.Contracts.Redemptions;

/// <summary>
/// A refund's answer: the coupon of the order, the discount given back, and where the coupon went
/// (<see cref="RoundId"/> names the round whose pool took it when <see cref="ReturnedTo"/> is a pool).
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.refund-receipt")]
public sealed record RefundReceipt(string CouponId, string OrderId, decimal Discount, RefundDestination ReturnedTo, string? RoundId, DateTimeOffset RefundedAt);
