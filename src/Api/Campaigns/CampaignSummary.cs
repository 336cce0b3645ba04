namespace Claims.Api.Campaigns;

public sealed record CampaignSummary(string Id, string Name, CampaignStatus Status, string TimeZone, IReadOnlyList<string> Regions, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);
