namespace Claims.Contracts.Redemptions;

/// <summary>
/// A reviewed redemption: the order, its coupon and documents, and the operator's decision once
/// made (<see cref="DecidedBy"/>, <see cref="Reason"/>; for a rejection, where the coupon went).
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.redemption-review")]
public sealed record RedemptionReview(
    string MerchantId,
    string OrderId,
    string CouponId,
    string UserId,
    decimal OrderAmount,
    RedemptionDocuments Documents,
    DateTimeOffset SubmittedAt,
    ReviewStatus Status,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? Reason = null,
    RefundDestination? ReturnedTo = null,
    string? RoundId = null);
