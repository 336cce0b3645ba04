using Claims.Contracts.Redemptions;

namespace Claims.Grains.Events;

/// <summary>A merchant refunded an order that used a coupon; the receipt says where the coupon went.</summary>
[GenerateSerializer, Alias("claims.coupon-refunded")]
public sealed record CouponRefunded : ClaimsEvent
{
    [Id(0)]
    public required Coupon Coupon { get; init; }

    [Id(1)]
    public required string MerchantId { get; init; }

    [Id(2)]
    public required RefundReceipt Receipt { get; init; }
}
