namespace Claims.Contracts;

/// <summary>
/// A hot coupon type's pool can be split into shards, separate pool grains that each hold a part
/// of every round's stock and borrow from each other when they run dry. A resident's claims all
/// go to the shard of their quota shard, so their grants (and replays) are always in one place.
/// </summary>
public static class PoolShards
{
    /// <summary>The most shards a coupon type may have: each needs quota shards mapped to it.</summary>
    public const int Max = 16;

    /// <summary>The pool shard serving residents of quota shard <paramref name="quotaShard"/>.</summary>
    public static int ServingQuotaShard(int quotaShard, int shards) => quotaShard % shards;
}
