namespace Claims.Contracts.Merchants;

/// <summary>
/// Money held back from a merchant: from <see cref="HeldAt"/> (its suspension or ban) every
/// redemption not yet released stays out of the settlement's payments until an operator releases
/// the hold (<see cref="ReleasedAt"/>) or reverses the redemptions one by one.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.merchant-hold")]
public sealed record MerchantHold(DateTimeOffset HeldAt, DateTimeOffset? ReleasedAt)
{
    /// <summary>The hold a redemption at <paramref name="redeemedAt"/> falls under: the first not released before it.</summary>
    public static MerchantHold? Covering(IReadOnlyList<MerchantHold> holds, DateTimeOffset redeemedAt) =>
        holds.FirstOrDefault(h => h.ReleasedAt is not { } released || redeemedAt <= released);
}
