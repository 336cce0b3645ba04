namespace Claims.Grains.Events;

/// <summary>
/// A round's pool closed with <see cref="Unclaimed"/> coupons left, which went to
/// <see cref="TargetRoundId"/>'s pool of the same type (of <see cref="TargetCouponTypeId"/>, value
/// for value, when the operator routed it there), or to the fund when null. Stock that
/// reaches the round after it closed is passed on the same way, in another of these events.
/// </summary>
[GenerateSerializer, Alias("claims.round-closed")]
public sealed record RoundClosed : PoolEvent
{
    [Id(0)]
    public required int Unclaimed { get; init; }

    [Id(1)]
    public string? TargetRoundId { get; init; }

    [Id(2)]
    public string? TargetCouponTypeId { get; init; }
}
