namespace Claims.Contracts.Reports;

/// <summary>One redemption drawn for an audit, with whether its order was later refunded or reversed, where its review stands for a reviewed type, and the regions the resident claimed and redeemed it from.</summary>
[GenerateSerializer, Immutable, Alias("claims.audit-record")]
public sealed record AuditRecord(
    string MerchantId,
    string OrderId,
    string CouponId,
    string UserId,
    string RoundId,
    string Fund,
    string CouponTypeId,
    decimal OrderAmount,
    decimal Discount,
    decimal Payable,
    DateTimeOffset RedeemedAt,
    bool Refunded,
    bool Reversed = false,
    Redemptions.ReviewStatus? Review = null,
    string? ClaimRegion = null,
    string? RedemptionRegion = null);
