namespace Claims.Grains.Pools;

/// <summary>One coupon taken from a pool: by whom, for which request, valid when, claimed from which region (none for a list grant).</summary>
[GenerateSerializer, Immutable, Alias("claims.pool-grant")]
public sealed record PoolGrant(int Sequence, string OwnerId, string RequestKey, DateTimeOffset ClaimedAt, DateTimeOffset ValidUntil, string? RegionCode = null);
