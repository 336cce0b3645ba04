namespace Claims.Grains.Events;

/// <summary>An event about a pool's stock as a whole rather than one coupon.</summary>
[GenerateSerializer, Alias("claims.pool-event")]
public abstract record PoolEvent : ClaimsEvent
{
    [Id(0)]
    public required string CampaignId { get; init; }

    [Id(1)]
    public required string RoundId { get; init; }

    [Id(2)]
    public required string CouponTypeId { get; init; }
}
