using Claims.Api.Campaigns.Documents;

namespace Claims.Api.Admin;

public sealed record AdminCampaignView(CampaignStatus Status, DateTimeOffset CreatedAt, CampaignDocument Definition, IReadOnlyList<PoolStock> Pools);
