namespace Claims.Grains.Events;

/// <summary>An operator added a round to a running campaign (<see cref="Before"/> null) or changed one that had not opened.</summary>
[GenerateSerializer, Alias("claims.round-revised")]
public sealed record RoundRevised : ClaimsEvent
{
    [Id(0)]
    public required string CampaignId { get; init; }

    [Id(1)]
    public RoundDefinition? Before { get; init; }

    [Id(2)]
    public required RoundDefinition After { get; init; }
}
