namespace Claims.Grains.Events;

/// <summary>An operator paused or resumed a campaign.</summary>
[GenerateSerializer, Alias("claims.campaign-status-changed")]
public sealed record CampaignStatusChanged : ClaimsEvent
{
    [Id(0)]
    public required string CampaignId { get; init; }

    [Id(1)]
    public required CampaignStatus Status { get; init; }
}
