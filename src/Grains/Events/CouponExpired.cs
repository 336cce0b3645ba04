namespace Claims.Grains.Events;

/// <summary>
/// An unused coupon passed its validity; its value went to <see cref="TargetRoundId"/>'s pool of
/// the same type, or to the fund when null.
/// </summary>
[GenerateSerializer, Alias("claims.coupon-expired")]
public sealed record CouponExpired : ClaimsEvent
{
    [Id(0)]
    public required Coupon Coupon { get; init; }

    [Id(1)]
    public string? TargetRoundId { get; init; }
}
