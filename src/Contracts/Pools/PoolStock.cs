namespace Claims.Contracts.Pools;

/// <summary>
/// A pool's counts at one instant. <see cref="Stock"/> is what the round put in; rolled-in stock
/// (unclaimed and expired coupons of earlier rounds) and refunds returned to this round add to it.
/// A shard of a split pool holds its part of the stock, and <see cref="Borrowed"/> what it took
/// from its siblings less what it lent them, which cancels out across a type's shards.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.pool-stock")]
public sealed record PoolStock(
    string RoundId,
    string CouponTypeId,
    int Stock,
    int RolledIn,
    int Refunded,
    int Granted,
    int Redeemed,
    int Expired,
    int RolledOut,
    int ReturnedToFund,
    bool Closed,
    int Borrowed = 0)
{
    /// <summary>Everything this pool could grant: its own stock and what came back to it.</summary>
    public int Capacity => Stock + RolledIn + Refunded + Borrowed;

    /// <summary>Coupons still to claim; none once the round has closed and passed them on.</summary>
    public int Remaining => Closed ? 0 : Capacity - Granted;

    /// <summary>A split pool's counts as one: the sums of its shards', closed once all of them are.</summary>
    public static PoolStock Sum(IReadOnlyList<PoolStock> shards) => shards.Count == 1 ? shards[0] : new(
        shards[0].RoundId,
        shards[0].CouponTypeId,
        shards.Sum(s => s.Stock),
        shards.Sum(s => s.RolledIn),
        shards.Sum(s => s.Refunded),
        shards.Sum(s => s.Granted),
        shards.Sum(s => s.Redeemed),
        shards.Sum(s => s.Expired),
        shards.Sum(s => s.RolledOut),
        shards.Sum(s => s.ReturnedToFund),
        shards.All(s => s.Closed),
        shards.Sum(s => s.Borrowed));
}
