namespace Claims.Contracts.Redemptions;

/// <summary>A till's request to take <see cref="CouponId"/> off an order of <see cref="OrderAmount"/> yuan, with <see cref="Documents"/> when the coupon's type is reviewed.</summary>
[GenerateSerializer, Immutable, Alias("claims.redemption-request")]
public sealed record RedemptionRequest(string CouponId, string UserId, decimal OrderAmount, string RegionCode, RedemptionDocuments? Documents = null);
