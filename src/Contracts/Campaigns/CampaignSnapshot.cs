namespace Claims.Contracts.Campaigns;

/// <summary>A campaign's definition with its current status.</summary>
[GenerateSerializer, Immutable, Alias("claims.campaign-snapshot")]
public sealed record CampaignSnapshot(CampaignDefinition Definition, CampaignStatus Status, DateTimeOffset CreatedAt);
