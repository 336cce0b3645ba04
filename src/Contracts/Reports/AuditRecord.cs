namespace Claims.Contracts.Reports;

/// <summary>One redemption drawn for an audit, with whether its order was later refunded or reversed, and where its review stands for a reviewed type.</summary>
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
    Redemptions.ReviewStatus? Review = null);
