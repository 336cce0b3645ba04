namespace Claims.Grains.Events;

/// <summary>An operator created a campaign.</summary>
[GenerateSerializer, Alias("claims.campaign-created")]
public sealed record CampaignCreated : ClaimsEvent
{
    [Id(0)]
    public required CampaignDefinition Definition { get; init; }
}
