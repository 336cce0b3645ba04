namespace Claims.Grains.Pools;

/// <summary>A full page of a pool's grants, stored once in a row of its own and never changed again.</summary>
[GenerateSerializer, Alias("claims.pool-page")]
public sealed class PoolPage
{
    [Id(0)]
    public List<PoolGrant> Grants { get; set; } = [];
}
