namespace Claims.Contracts.Redemptions;

/// <summary>A till's request to take <see cref="CouponId"/> off an order of <see cref="OrderAmount"/> yuan.</summary>
[GenerateSerializer, Immutable, Alias("claims.redemption-request")]
public sealed record RedemptionRequest(string CouponId, string UserId, decimal OrderAmount, string RegionCode);
