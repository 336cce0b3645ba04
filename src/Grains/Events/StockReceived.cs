namespace Claims.Grains.Events;

/// <summary>A pool took in <see cref="Count"/> coupons of its type from an earlier round's pool (rollover or refunds).</summary>
[GenerateSerializer, Alias("claims.stock-received")]
public sealed record StockReceived : ClaimsEvent
{
    [Id(0)]
    public required string CampaignId { get; init; }

    [Id(1)]
    public required string RoundId { get; init; }

    [Id(2)]
    public required string CouponTypeId { get; init; }

    [Id(3)]
    public required string FromRoundId { get; init; }

    [Id(4)]
    public required int Count { get; init; }
}
