using Claims.Contracts.Redemptions;

namespace Claims.Grains.Events;

/// <summary>A merchant redeemed a coupon against an order.</summary>
[GenerateSerializer, Alias("claims.coupon-redeemed")]
public sealed record CouponRedeemed : ClaimsEvent
{
    [Id(0)]
    public required Coupon Coupon { get; init; }

    [Id(1)]
    public required RedemptionReceipt Receipt { get; init; }
}
