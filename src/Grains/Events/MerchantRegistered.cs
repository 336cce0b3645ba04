namespace Claims.Grains.Events;

/// <summary>An operator registered a merchant (pending approval).</summary>
[GenerateSerializer, Alias("claims.merchant-registered")]
public sealed record MerchantRegistered : ClaimsEvent
{
    [Id(0)]
    public required Merchant Merchant { get; init; }
}
