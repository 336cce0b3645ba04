using Claims.Contracts.Redemptions;

namespace Claims.Grains.Pools;

/// <summary>A granted coupon's current status and the orders that have used it, rebuilt from its changes.</summary>
internal sealed class CouponLife(PoolGrant grant)
{
    public PoolGrant Grant { get; } = grant;

    public CouponStatus Status { get; private set; } = CouponStatus.Claimed;

    /// <summary>The grant's validity as the round's extensions have lengthened it.</summary>
    public DateTimeOffset ValidUntil { get; set; } = grant.ValidUntil;

    // Every order that redeemed this coupon (more than one when a refund gave it back to its
    // owner), oldest first, their refunds and reversals, and the reviews of reviewed types. Most coupons of a rush are never redeemed: the
    // lists exist once something happened, not for every coupon a pool holds.
    private List<CouponChange>? _redemptions;
    private List<CouponChange>? _refunds;
    private List<CouponChange>? _reviews;

    /// <summary>The coupon's status as a resident sees it: an unused coupon past its validity is expired even before the pool records it.</summary>
    public CouponStatus StatusAt(DateTimeOffset now) =>
        Status == CouponStatus.Claimed && now >= ValidUntil ? CouponStatus.Expired : Status;

    public CouponChange? RedemptionBy(string merchantId, string orderId) =>
        _redemptions?.Find(r => r.MerchantId == merchantId && r.OrderId == orderId);

    public CouponChange? RefundOf(string merchantId, string orderId) =>
        _refunds?.Find(r => r.MerchantId == merchantId && r.OrderId == orderId && r.Kind == CouponChangeKind.Refunded);

    public CouponChange? ReversalOf(string merchantId, string orderId) =>
        _refunds?.Find(r => r.MerchantId == merchantId && r.OrderId == orderId && r.Kind == CouponChangeKind.Reversed);

    public CouponChange? ReviewOf(string merchantId, string orderId) =>
        _reviews?.Find(r => r.MerchantId == merchantId && r.OrderId == orderId);

    public void Apply(CouponChange change)
    {
        switch (change.Kind)
        {
            case CouponChangeKind.Redeemed:
                (_redemptions ??= []).Add(change);
                Status = CouponStatus.Used;
                break;
            case CouponChangeKind.Refunded:
                (_refunds ??= []).Add(change);
                Status = change.Destination == RefundDestination.Owner ? CouponStatus.Claimed : CouponStatus.Void;
                break;
            case CouponChangeKind.Expired:
                Status = CouponStatus.Expired;
                break;
            case CouponChangeKind.Reversed:
                (_refunds ??= []).Add(change);
                Status = CouponStatus.Void;
                break;
            case CouponChangeKind.Approved:
                (_reviews ??= []).Add(change);
                break;
            case CouponChangeKind.Rejected:
                (_reviews ??= []).Add(change);
                Status = change.Destination == RefundDestination.Owner ? CouponStatus.Claimed : CouponStatus.Void;
                break;
        }
    }
}
