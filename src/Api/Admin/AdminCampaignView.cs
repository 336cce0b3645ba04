namespace Claims.Api.Admin;

public sealed record AdminCampaignView(CampaignStatus Status, DateTimeOffset CreatedAt, CampaignDefinition Definition, IReadOnlyList<PoolStock> Pools);
