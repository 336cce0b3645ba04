namespace Claims.Grains.Events;

/// <summary>An operator approved, suspended or reinstated a merchant.</summary>
[GenerateSerializer, Alias("claims.merchant-status-changed")]
public sealed record MerchantStatusChanged : ClaimsEvent
{
    [Id(0)]
    public required string MerchantId { get; init; }

    [Id(1)]
    public required MerchantStatus Status { get; init; }
}
