namespace Claims.Contracts.Campaigns;

/// <summary>
/// One release: from <see cref="OpensAt"/> to <see cref="ClosesAt"/> residents claim from
/// <see cref="Stock"/> (coupon type id → count), paid by <see cref="Fund"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.round-definition")]
public sealed record RoundDefinition(
    string Id,
    string? Phase,
    string Fund,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ValidityDefinition Validity,
    IReadOnlyDictionary<string, int> Stock)
{
    /// <summary>Rounds without a phase form a phase of their own.</summary>
    public string PhaseKey => Phase ?? Id;

    public DateTimeOffset ValidUntil(DateTimeOffset claimedAt) =>
        Validity.Days is { } days ? claimedAt.AddDays(days)
        : Validity.Until is { } until ? until
        : ClosesAt;
}
