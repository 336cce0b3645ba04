namespace Claims.Contracts.Redemptions;

/// <summary>A redemption's answer: what the coupon takes off and what the resident pays.</summary>
[GenerateSerializer, Immutable, Alias("claims.redemption-receipt")]
public sealed record RedemptionReceipt(string CouponId, string MerchantId, string OrderId, decimal OrderAmount, decimal Discount, decimal Payable, DateTimeOffset RedeemedAt);
