namespace Claims.Grains.Campaigns;

[GenerateSerializer, Alias("claims.campaign-state")]
public sealed class CampaignState
{
    [Id(0)]
    public CampaignDefinition? Definition { get; set; }

    [Id(1)]
    public CampaignStatus Status { get; set; }

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }
}
