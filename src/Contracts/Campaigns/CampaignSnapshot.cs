namespace Claims.Contracts.Campaigns;

/// <summary>A campaign's definition with its current status; <see cref="Revision"/> counts the changes to the definition since it was created.</summary>
[GenerateSerializer, Immutable, Alias("claims.campaign-snapshot")]
public sealed record CampaignSnapshot(CampaignDefinition Definition, CampaignStatus Status, DateTimeOffset CreatedAt, int Revision = 0);
