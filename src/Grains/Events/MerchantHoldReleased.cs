namespace Claims.Grains.Events;

/// <summary>An operator released the money held back from a merchant since <see cref="HeldAt"/>.</summary>
[GenerateSerializer, Alias("claims.merchant-hold-released")]
public sealed record MerchantHoldReleased : ClaimsEvent
{
    [Id(0)]
    public required string MerchantId { get; init; }

    [Id(1)]
    public required DateTimeOffset HeldAt { get; init; }
}
