namespace Claims.Grains.Events;

/// <summary>An operator excluded residents from a running campaign, or let excluded ones back in.</summary>
[GenerateSerializer, Alias("claims.blacklist-changed")]
public sealed record BlacklistChanged : ClaimsEvent
{
    [Id(0)]
    public required string CampaignId { get; init; }

    [Id(1)]
    public required IReadOnlyList<string> Added { get; init; }

    [Id(2)]
    public required IReadOnlyList<string> Removed { get; init; }
}
