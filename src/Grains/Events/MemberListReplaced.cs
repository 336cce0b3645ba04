namespace Claims.Grains.Events;

/// <summary>An operator replaced a member list with an upload: from then on only its members may claim the list's coupon types.</summary>
[GenerateSerializer, Alias("claims.member-list-replaced")]
public sealed record MemberListReplaced : ClaimsEvent
{
    [Id(0)]
    public required string CampaignId { get; init; }

    [Id(1)]
    public required string ListId { get; init; }

    [Id(2)]
    public required int Upload { get; init; }

    [Id(3)]
    public required int Members { get; init; }

    [Id(4)]
    public string? By { get; init; }
}
