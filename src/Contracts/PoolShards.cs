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

    /// <summary>
    /// Stock per shard when a campaign leaves the number to Claims. A shard pays off only with
    /// cores to run on: on one small node a whole pool batches more grants into each write than
    /// its shards do (see bench/README.md), so Claims splits only pools far beyond a
    /// county's campaign.
    /// </summary>
    public const int ChosenStockPerShard = 100_000;

    /// <summary>The most shards Claims chooses on its own; more take an explicit setting.</summary>
    public const int ChosenMax = 8;

    /// <summary>How many shards Claims chooses for a coupon type whose largest round holds <paramref name="stock"/>.</summary>
    public static int ChosenFor(int stock) => Math.Clamp(stock / ChosenStockPerShard, 1, ChosenMax);

    /// <summary>The pool shard serving residents of quota shard <paramref name="quotaShard"/>.</summary>
    public static int ServingQuotaShard(int quotaShard, int shards) => quotaShard % shards;

    /// <summary>Shard <paramref name="shard"/>'s part of a round's <paramref name="stock"/>: the parts differ by at most one and add up to the whole.</summary>
    public static int StockOf(int stock, int shards, int shard) => (stock / shards) + (shard < stock % shards ? 1 : 0);
}
