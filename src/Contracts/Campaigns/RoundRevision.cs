namespace Claims.Contracts.Campaigns;

/// <summary>The outcome of adding a round to a running campaign or changing one that has not opened, with the campaign as it now stands.</summary>
[GenerateSerializer, Immutable, Alias("claims.round-revision")]
public sealed record RoundRevision(RoundRevisionResult Result, CampaignSnapshot? Campaign, IReadOnlyList<Violation> Violations);
