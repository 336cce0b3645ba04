using Claims.Contracts.Redemptions;
using Claims.Grains.Events;
using Claims.Grains.Pools;

namespace Claims.Grains.Reports;

/// <summary>
/// A campaign's ledger as events, with each pool's journal appends read out as the coupons'
/// events they record: claimed or listed, redeemed, reviewed, refunded, reversed, expired, rolled in, closed. The
/// journal is where the pool writes them, once; reports fold the events.
/// </summary>
public static class PoolLedgerEvents
{
    public static IReadOnlyList<ClaimsEvent> Expand(CampaignDefinition campaign, IReadOnlyList<ClaimsEvent> ledger)
    {
        var pools = new Dictionary<string, PoolReading>(StringComparer.Ordinal);
        var events = new List<ClaimsEvent>(ledger.Count);
        foreach (var e in ledger)
        {
            if (e is not PoolAppended append)
            {
                events.Add(e);
                continue;
            }

            if (!pools.TryGetValue(append.PoolKey, out var pool))
            {
                pools[append.PoolKey] = pool = new PoolReading(campaign, append.PoolKey);
            }

            pool.Read(append, events);
        }

        return events;
    }

    // One pool's journal read in order: its grants so far, to give each change its coupon, and
    // the totals it was passed and passed on at its close, to give each receipt its count.
    private sealed class PoolReading(CampaignDefinition campaign, string poolKey)
    {
        private readonly PoolCoupons _coupons = PoolCoupons.For(campaign, poolKey);
        private readonly List<PoolGrant> _grants = [];
        private readonly Dictionary<string, int> _received = new(StringComparer.Ordinal);

        // The closure's running total so far; null until the round closed.
        private int? _passedOnAtClose;

        public void Read(PoolAppended append, List<ClaimsEvent> events)
        {
            foreach (var grant in append.Grants)
            {
                _grants.Add(grant);
                var coupon = _coupons.Of(grant, CouponStatus.Claimed);

                // A list-only type is only ever granted from its list.
                events.Add(_coupons.CouponType.ListOnly
                    ? new CouponListed { EventId = $"listed:{coupon.CouponId}", OccurredAt = grant.ClaimedAt, Coupon = coupon }
                    : new CouponClaimed { EventId = $"claimed:{coupon.CouponId}", OccurredAt = grant.ClaimedAt, Coupon = coupon });
            }

            foreach (var change in append.Changes)
            {
                events.Add(Event(change));
            }

            foreach (var received in append.Received)
            {
                var before = _received.GetValueOrDefault(received.FromPoolKey);
                _received[received.FromPoolKey] = received.Total;
                events.Add(new StockReceived
                {
                    EventId = $"received:{poolKey}:{received.FromPoolKey}:{received.Total}",
                    OccurredAt = append.OccurredAt,
                    CampaignId = campaign.Id,
                    RoundId = _coupons.Round.Id,
                    CouponTypeId = _coupons.CouponType.Id,
                    FromRoundId = GrainKeys.ParsePool(received.FromPoolKey).RoundId,
                    Count = RolloverValue.Coupons(campaign, received.FromPoolKey, _coupons.CouponType, received.Total)
                        - RolloverValue.Coupons(campaign, received.FromPoolKey, _coupons.CouponType, before),
                });
            }

            if (append.Closure is { } closure)
            {
                var before = _passedOnAtClose;
                _passedOnAtClose = closure.Unclaimed;
                events.Add(new RoundClosed
                {
                    EventId = before is null ? $"closed:{poolKey}" : $"closed:{poolKey}:{closure.Unclaimed}",
                    OccurredAt = before is null ? closure.At : append.OccurredAt,
                    CampaignId = campaign.Id,
                    RoundId = _coupons.Round.Id,
                    CouponTypeId = _coupons.CouponType.Id,
                    Unclaimed = closure.Unclaimed - (before ?? 0),
                    TargetRoundId = closure.IntoRoundId,
                    TargetCouponTypeId = closure.IntoCouponTypeId,
                });
            }
        }

        private ClaimsEvent Event(CouponChange change)
        {
            var grant = _grants[change.Sequence - 1];
            switch (change.Kind)
            {
                case CouponChangeKind.Redeemed:
                    return new CouponRedeemed
                    {
                        EventId = $"redeemed:{change.MerchantId}/{change.OrderId}",
                        OccurredAt = change.At,
                        Coupon = _coupons.Of(grant, CouponStatus.Used),
                        Receipt = _coupons.ReceiptOf(change),
                    };
                case CouponChangeKind.Refunded:
                    return new CouponRefunded
                    {
                        EventId = $"refunded:{change.MerchantId}/{change.OrderId}",
                        OccurredAt = change.At,
                        Coupon = _coupons.Of(grant, change.Destination == RefundDestination.Owner ? CouponStatus.Claimed : CouponStatus.Void),
                        MerchantId = change.MerchantId!,
                        Receipt = _coupons.RefundReceiptOf(change),
                    };
                case CouponChangeKind.Reversed:
                    return new CouponReversed
                    {
                        EventId = $"reversed:{change.MerchantId}/{change.OrderId}",
                        OccurredAt = change.At,
                        Coupon = _coupons.Of(grant, CouponStatus.Void),
                        Receipt = _coupons.ReversalReceiptOf(change),
                    };
                case CouponChangeKind.Approved or CouponChangeKind.Rejected:
                {
                    var review = PoolCoupons.ReviewOf(change);
                    return new CouponReviewed
                    {
                        EventId = $"reviewed:{change.MerchantId}/{change.OrderId}",
                        OccurredAt = change.At,
                        Coupon = _coupons.Of(grant, change.Kind == CouponChangeKind.Approved ? CouponStatus.Used : review.ReturnedTo == RefundDestination.Owner ? CouponStatus.Claimed : CouponStatus.Void),
                        MerchantId = change.MerchantId!,
                        OrderId = change.OrderId!,
                        Discount = change.Discount,
                        OrderAmount = change.OrderAmount,
                        Review = review,
                    };
                }

                default:
                    return new CouponExpired
                    {
                        EventId = $"expired:{_coupons.IdOf(change.Sequence)}",
                        OccurredAt = change.At,
                        Coupon = _coupons.Of(grant, CouponStatus.Expired),
                        TargetRoundId = change.TargetRoundId,
                    };
            }
        }
    }
}
