using Claims.Contracts.Redemptions;

namespace Claims.Grains.Events;

/// <summary>
/// An operator decided the review of a big-ticket redemption: approved, it is settled; rejected,
/// its discount is not owed and the coupon went where <see cref="PoolReview.ReturnedTo"/> says.
/// </summary>
[GenerateSerializer, Alias("claims.coupon-reviewed")]
public sealed record CouponReviewed : ClaimsEvent
{
    [Id(0)]
    public required Coupon Coupon { get; init; }

    [Id(1)]
    public required string MerchantId { get; init; }

    [Id(2)]
    public required string OrderId { get; init; }

    [Id(3)]
    public required decimal Discount { get; init; }

    [Id(4)]
    public required decimal OrderAmount { get; init; }

    [Id(5)]
    public required PoolReview Review { get; init; }
}
