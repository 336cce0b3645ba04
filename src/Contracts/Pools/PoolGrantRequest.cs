namespace Claims.Contracts.Pools;

/// <summary>A quota grain's request for one coupon on behalf of <see cref="UserId"/>.</summary>
[GenerateSerializer, Immutable, Alias("claims.pool-grant-request")]
public sealed record PoolGrantRequest(string UserId, string RequestKey, Guid Fence);
