namespace Claims.Contracts.Campaigns;

/// <summary>The outcome of moving a round's stock between coupon types, with the round as it now stands.</summary>
[GenerateSerializer, Immutable, Alias("claims.stock-reallocation")]
public sealed record StockReallocation(StockReallocationResult Result, RoundDefinition? Round, decimal ValueBefore, decimal ValueAfter);
