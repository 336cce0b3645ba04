namespace Claims.Contracts.Redemptions;

/// <summary>An order grain's request to its coupon's pool, after the merchant and regions were checked.</summary>
[GenerateSerializer, Immutable, Alias("claims.pool-redemption")]
public sealed record PoolRedemption(int Sequence, string UserId, string MerchantId, string OrderId, decimal OrderAmount, string? RegionCode = null);
