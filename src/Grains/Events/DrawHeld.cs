using Claims.Contracts.Draws;

namespace Claims.Grains.Events;

/// <summary>A draw round's draw ran: the seed it revealed, and per coupon type the registrants and winners.</summary>
[GenerateSerializer, Alias("claims.draw-held")]
public sealed record DrawHeld : ClaimsEvent
{
    [Id(0)]
    public required string CampaignId { get; init; }

    [Id(1)]
    public required string RoundId { get; init; }

    [Id(2)]
    public required string Seed { get; init; }

    [Id(3)]
    public required IReadOnlyList<DrawResult> Results { get; init; }
}
