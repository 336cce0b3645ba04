namespace Claims.Contracts.Redemptions;

/// <summary>
/// A redemption's answer: what the coupon takes off and what the resident pays; <see cref="Review"/>
/// is pending when the coupon's type is reviewed; <see cref="RegionCode"/> is where the resident
/// redeemed it from; <see cref="BalanceLeft"/> what a stored-value coupon still holds after this order.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.redemption-receipt")]
public sealed record RedemptionReceipt(string CouponId, string MerchantId, string OrderId, decimal OrderAmount, decimal Discount, decimal Payable, DateTimeOffset RedeemedAt, ReviewStatus? Review = null, string? RegionCode = null, decimal? BalanceLeft = null);
