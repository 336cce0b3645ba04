namespace Claims.Grains.Pools;

/// <summary>How a round's stock is split between a pool's shards before any loan.</summary>
public static class ShardStock
{
    /// <summary>Shard <paramref name="shard"/>'s part of <paramref name="stock"/>: the parts differ by at most one and add up to the whole.</summary>
    public static int Of(int stock, int shards, int shard) => (stock / shards) + (shard < stock % shards ? 1 : 0);
}
