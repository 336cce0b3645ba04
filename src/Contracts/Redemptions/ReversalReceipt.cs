namespace Claims.Contracts.Redemptions;

/// <summary>
/// A redemption reversed as fraudulent: the coupon is void, its <see cref="Discount"/> comes off
/// what the merchant is owed, and its value went where a refund's goes (<see cref="ReturnedTo"/>,
/// with <see cref="RoundId"/> naming the round whose pool took it).
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.reversal-receipt")]
public sealed record ReversalReceipt(string CouponId, string MerchantId, string OrderId, decimal OrderAmount, decimal Discount, RefundDestination ReturnedTo, string? RoundId, DateTimeOffset ReversedAt);
