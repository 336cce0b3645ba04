using Claims.Contracts.Redemptions;

namespace Claims.Grains.Orders;

[GenerateSerializer, Alias("claims.order-state")]
public sealed class OrderState
{
    /// <summary>The coupon this order is redeeming, written before the pool is asked, so the order never takes a second coupon.</summary>
    [Id(0)]
    public string? CouponId { get; set; }

    [Id(1)]
    public RedemptionReceipt? Receipt { get; set; }

    [Id(2)]
    public RefundReceipt? Refund { get; set; }

    [Id(3)]
    public ReversalReceipt? Reversal { get; set; }
}
