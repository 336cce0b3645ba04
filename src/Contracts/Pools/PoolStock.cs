namespace Claims.Contracts.Pools;

/// <summary>
/// A pool's counts at one instant. <see cref="Stock"/> is what the round put in; rolled-in stock
/// (unclaimed and expired coupons of earlier rounds) and refunds returned to this round add to it.
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
    bool Closed)
{
    /// <summary>Everything this pool could grant: its own stock and what came back to it.</summary>
    public int Capacity => Stock + RolledIn + Refunded;

    /// <summary>Coupons still to claim; none once the round has closed and passed them on.</summary>
    public int Remaining => Closed ? 0 : Capacity - Granted;
}
