namespace Claims.Contracts.Redemptions;

/// <summary>An order grain's filing of a reviewed redemption, before its pool is asked.</summary>
[GenerateSerializer, Immutable, Alias("claims.review-submission")]
public sealed record ReviewSubmission(string MerchantId, string OrderId, string CouponId, string UserId, decimal OrderAmount, RedemptionDocuments Documents);
