namespace Claims.Grains.Events;

/// <summary>
/// A round's pool closed with <see cref="Unclaimed"/> coupons left, which went to
/// <see cref="TargetRoundId"/>'s pool of the same type, or to the fund when null.
/// </summary>
[GenerateSerializer, Alias("claims.round-closed")]
public sealed record RoundClosed : ClaimsEvent
{
    [Id(0)]
    public required string CampaignId { get; init; }

    [Id(1)]
    public required string RoundId { get; init; }

    [Id(2)]
    public required string CouponTypeId { get; init; }

    [Id(3)]
    public required int Unclaimed { get; init; }

    [Id(4)]
    public string? TargetRoundId { get; init; }
}
