namespace Claims.Grains.Pools;

/// <summary>Everything an earlier round's pool (<see cref="FromPoolKey"/>) has passed to this one so far.</summary>
[GenerateSerializer, Immutable, Alias("claims.stock-total")]
public sealed record StockTotal(string FromPoolKey, int Total);
