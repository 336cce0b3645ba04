using Claims.Contracts.Redemptions;

namespace Claims.Grains.Pools;

/// <summary>
/// One step in the life of a granted coupon, appended to the pool's log like its grants. Replaying
/// the grants and then the changes rebuilds every coupon's status and the pool's counts.
/// <see cref="Destination"/> and <see cref="TargetRoundId"/> say where the coupon's value went
/// when it left its owner (a refund or an expiry); <see cref="RegionCode"/> where the resident
/// redeemed it from; <see cref="BalanceLeft"/> what a stored-value coupon held after a redemption.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.coupon-change")]
public sealed record CouponChange(
    int Sequence,
    CouponChangeKind Kind,
    DateTimeOffset At,
    string? MerchantId,
    string? OrderId,
    decimal OrderAmount,
    decimal Discount,
    RefundDestination? Destination,
    string? TargetRoundId,
    string? RegionCode = null,
    decimal? BalanceLeft = null);
