namespace Claims.Grains.Pools;

/// <summary>One coupon taken from a pool: by whom, for which request, valid when.</summary>
[GenerateSerializer, Immutable, Alias("claims.pool-grant")]
public sealed record PoolGrant(int Sequence, string OwnerId, string RequestKey, DateTimeOffset ClaimedAt, DateTimeOffset ValidUntil);
