namespace Claims.Contracts.Pools;

/// <summary>A pool's counts at one instant.</summary>
[GenerateSerializer, Immutable, Alias("claims.pool-stock")]
public sealed record PoolStock(string RoundId, string CouponTypeId, int Stock, int Granted)
{
    public int Remaining => Stock - Granted;
}
