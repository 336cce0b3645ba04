namespace Claims.Grains.Pools;

/// <summary>
/// One coupon taken from a pool: by whom, for which request, valid when, claimed from which region
/// (none for a list grant), and for a campaign whose limits count persons, whose quota it counts against.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.pool-grant")]
public sealed record PoolGrant(int Sequence, string OwnerId, string RequestKey, DateTimeOffset ClaimedAt, DateTimeOffset ValidUntil, string? RegionCode = null, string? PersonId = null)
{
    /// <summary>The quota slot the grant is indexed under: its person's, else its owner's.</summary>
    public int Slot() => QuotaShards.Of(PersonId ?? OwnerId);
}
