namespace Claims.Grains.Events;

/// <summary>A pool took in <see cref="Count"/> coupons of its type from an earlier round's pool (rollover or refunds).</summary>
[GenerateSerializer, Alias("claims.stock-received")]
public sealed record StockReceived : PoolEvent
{
    [Id(0)]
    public required string FromRoundId { get; init; }

    [Id(1)]
    public required int Count { get; init; }
}
