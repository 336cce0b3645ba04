namespace Claims.Grains.Events;

/// <summary>An operator moved a round's stock between coupon types before it opened, keeping its value.</summary>
[GenerateSerializer, Alias("claims.stock-reallocated")]
public sealed record StockReallocated : ClaimsEvent
{
    [Id(0)]
    public required string CampaignId { get; init; }

    [Id(1)]
    public required string RoundId { get; init; }

    [Id(2)]
    public required IReadOnlyDictionary<string, int> Before { get; init; }

    [Id(3)]
    public required IReadOnlyDictionary<string, int> After { get; init; }
}
