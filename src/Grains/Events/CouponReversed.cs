using Claims.Contracts.Redemptions;

namespace Claims.Grains.Events;

/// <summary>An operator reversed a redemption found fraudulent; the receipt says what came off the merchant and where the coupon's value went.</summary>
[GenerateSerializer, Alias("claims.coupon-reversed")]
public sealed record CouponReversed : ClaimsEvent
{
    [Id(0)]
    public required Coupon Coupon { get; init; }

    [Id(1)]
    public required ReversalReceipt Receipt { get; init; }
}
