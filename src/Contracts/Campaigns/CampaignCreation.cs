namespace Claims.Contracts.Campaigns;

/// <summary>
/// The answer to a create: the campaign (new, or the same definition sent again), or why not.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.campaign-creation")]
public sealed record CampaignCreation(CampaignCreationResult Result, CampaignSnapshot? Campaign, IReadOnlyList<Violation> Violations);
