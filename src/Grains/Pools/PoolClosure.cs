namespace Claims.Grains.Pools;

/// <summary>
/// A round's close: <see cref="Unclaimed"/> coupons left, passed to <see cref="IntoRoundId"/>'s
/// pool of <see cref="IntoCouponTypeId"/> (the same type when null, else value for value), or to
/// the fund when the round is null. A running total: stock that reaches the round after it closed
/// is passed on the same way and raises it.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.pool-closure")]
public sealed record PoolClosure(DateTimeOffset At, string? IntoRoundId, int Unclaimed, string? IntoCouponTypeId = null);
