using Claims.Contracts.Redemptions;

namespace Claims.Grains.Pools;

/// <summary>
/// A granted coupon's current status and the orders that have used it, rebuilt from its changes.
/// A stored-value coupon (<paramref name="storedValue"/> its face value) stays claimable while
/// orders have not taken all of it; refunding or reversing an order gives back what it took.
/// </summary>
internal sealed class CouponLife(PoolGrant grant, decimal? storedValue = null)
{
    public PoolGrant Grant { get; } = grant;

    /// <summary>What the orders standing on this coupon took from it.</summary>
    public decimal Spent { get; private set; }

    /// <summary>What is left of a stored-value coupon; null for a threshold coupon.</summary>
    public decimal? Balance => storedValue - Spent;

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
                Spent += change.Discount;
                Status = Balance > 0 ? CouponStatus.Claimed : CouponStatus.Used;
                break;
            case CouponChangeKind.Refunded or CouponChangeKind.Reversed when storedValue is not null:
                // The order's part comes back to the balance; past the validity it went to the fund,
                // and a spent coupon is then of no more use.
                (_refunds ??= []).Add(change);
                Spent -= change.Discount;
                Status = change.Destination == RefundDestination.Owner ? CouponStatus.Claimed : Status == CouponStatus.Used ? CouponStatus.Void : Status;
                break;
            case CouponChangeKind.Refunded:
                (_refunds ??= []).Add(change);
                Spent -= change.Discount;
                Status = change.Destination == RefundDestination.Owner ? CouponStatus.Claimed : CouponStatus.Void;
                break;
            case CouponChangeKind.Expired:
                Status = CouponStatus.Expired;
                break;
            case CouponChangeKind.Reversed:
                (_refunds ??= []).Add(change);
                Spent -= change.Discount;
                Status = CouponStatus.Void;
                break;
            case CouponChangeKind.Approved:
                (_reviews ??= []).Add(change);
                break;
            case CouponChangeKind.Rejected:
                (_reviews ??= []).Add(change);
                Spent -= change.Discount;
                Status = change.Destination == RefundDestination.Owner ? CouponStatus.Claimed : CouponStatus.Void;
                break;
        }
    }
}
