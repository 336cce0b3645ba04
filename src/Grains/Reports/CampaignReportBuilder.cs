using Claims.Contracts.Redemptions;
using Claims.Contracts.Reports;
using Claims.Grains.Events;

namespace Claims.Grains.Reports;

/// <summary>Folds a campaign's ledger into its statistics report: one line per round and coupon type, one per merchant, totals, days and regions.</summary>
public static class CampaignReportBuilder
{
    public static CampaignReport Build(CampaignDefinition campaign, IReadOnlyList<ClaimsEvent> ledger, DateTimeOffset now)
    {
        var lines = (
            from round in campaign.Rounds
            from couponTypeId in round.Stock.Keys
            let couponType = campaign.FindCouponType(couponTypeId)
            where couponType is not null
            select (Key: (round.Id, couponTypeId), Totals: new LineTotals(round, couponType))).ToDictionary(l => l.Key, l => l.Totals);
        var redemptions = new Dictionary<string, RedemptionReceipt>(StringComparer.Ordinal);
        var inReview = new HashSet<string>(StringComparer.Ordinal);
        var merchants = new SortedDictionary<string, (int Count, decimal Value, decimal Orders)>(StringComparer.Ordinal);
        LineTotals Line(string roundId, string couponTypeId) => lines[(roundId, couponTypeId)];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(campaign.TimeZone ?? CampaignDefinition.DefaultTimeZone);
        var days = new SliceTotals<DateOnly>(Comparer<DateOnly>.Default);
        var regions = new SliceTotals<string>(StringComparer.Ordinal);
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        void Claim(DateTimeOffset at, Coupon coupon)
        {
            days.Claim(Day(at), coupon);
            regions.Claim(coupon.ClaimRegion ?? "", coupon);
        }

        // Undone redemptions count against the day they were undone and the region they were made from.
        void Redeem(DateTimeOffset at, string? regionCode, int count, decimal discount, decimal orderAmount)
        {
            days.Redeem(Day(at), count, discount, orderAmount);
            regions.Redeem(regionCode ?? "", count, discount, orderAmount);
        }

        string? RegionOf(string merchantId, string orderId) => redemptions.GetValueOrDefault($"{merchantId}/{orderId}")?.RegionCode;

        foreach (var e in ledger)
        {
            switch (e)
            {
                case CouponClaimed claimed:
                    Line(claimed.Coupon.RoundId, claimed.Coupon.CouponTypeId).Claim(claimed.Coupon);
                    Claim(e.OccurredAt, claimed.Coupon);
                    break;
                case CouponListed listed:
                    Line(listed.Coupon.RoundId, listed.Coupon.CouponTypeId).Claim(listed.Coupon);
                    Claim(e.OccurredAt, listed.Coupon);
                    break;
                case CouponRedeemed redeemed:
                {
                    var line = Line(redeemed.Coupon.RoundId, redeemed.Coupon.CouponTypeId);
                    var receipt = redeemed.Receipt;
                    line.Redeemed++;
                    line.RedeemedValue += receipt.Discount;
                    line.OrderTotal += receipt.OrderAmount;
                    line.Merchants.Add(receipt.MerchantId);
                    Redeem(e.OccurredAt, receipt.RegionCode, 1, receipt.Discount, receipt.OrderAmount);
                    redemptions[$"{receipt.MerchantId}/{receipt.OrderId}"] = receipt;
                    if (receipt.Review == ReviewStatus.Pending && inReview.Add($"{receipt.MerchantId}/{receipt.OrderId}"))
                    {
                        line.InReview++;
                    }

                    merchants[receipt.MerchantId] = Add(merchants.GetValueOrDefault(receipt.MerchantId), 1, receipt.Discount, receipt.OrderAmount);
                    break;
                }

                case CouponRefunded refunded:
                {
                    var line = Line(refunded.Coupon.RoundId, refunded.Coupon.CouponTypeId);
                    var order = redemptions.GetValueOrDefault($"{refunded.MerchantId}/{refunded.Receipt.OrderId}");
                    line.InReview -= inReview.Remove($"{refunded.MerchantId}/{refunded.Receipt.OrderId}") ? 1 : 0;
                    line.Refunded++;
                    line.RefundedValue += refunded.Receipt.Discount;
                    line.OrderTotal -= order?.OrderAmount ?? 0;
                    Redeem(e.OccurredAt, order?.RegionCode, -1, -refunded.Receipt.Discount, -(order?.OrderAmount ?? 0));
                    if (refunded.Receipt.ReturnedTo != RefundDestination.Owner)
                    {
                        line.Leave(refunded.Receipt.RoundId, 1);
                    }

                    merchants[refunded.MerchantId] = Add(merchants.GetValueOrDefault(refunded.MerchantId), -1, -refunded.Receipt.Discount, -(order?.OrderAmount ?? 0));
                    break;
                }

                case CouponReversed reversed:
                {
                    var line = Line(reversed.Coupon.RoundId, reversed.Coupon.CouponTypeId);
                    var receipt = reversed.Receipt;
                    line.InReview -= inReview.Remove($"{receipt.MerchantId}/{receipt.OrderId}") ? 1 : 0;
                    line.Reversed++;
                    line.ReversedValue += receipt.Discount;
                    line.OrderTotal -= receipt.OrderAmount;
                    Redeem(e.OccurredAt, RegionOf(receipt.MerchantId, receipt.OrderId), -1, -receipt.Discount, -receipt.OrderAmount);
                    line.Leave(receipt.RoundId, 1);
                    merchants[receipt.MerchantId] = Add(merchants.GetValueOrDefault(receipt.MerchantId), -1, -receipt.Discount, -receipt.OrderAmount);
                    break;
                }

                case CouponReviewed reviewed:
                {
                    var line = Line(reviewed.Coupon.RoundId, reviewed.Coupon.CouponTypeId);
                    line.InReview -= inReview.Remove($"{reviewed.MerchantId}/{reviewed.OrderId}") ? 1 : 0;
                    if (reviewed.Review.Status == ReviewStatus.Rejected)
                    {
                        line.Rejected++;
                        line.RejectedValue += reviewed.Discount;
                        line.OrderTotal -= reviewed.OrderAmount;
                        Redeem(e.OccurredAt, RegionOf(reviewed.MerchantId, reviewed.OrderId), -1, -reviewed.Discount, -reviewed.OrderAmount);
                        if (reviewed.Review.ReturnedTo != RefundDestination.Owner)
                        {
                            line.Leave(reviewed.Review.RoundId, 1);
                        }

                        merchants[reviewed.MerchantId] = Add(merchants.GetValueOrDefault(reviewed.MerchantId), -1, -reviewed.Discount, -reviewed.OrderAmount);
                    }

                    break;
                }

                case CouponExpired expired:
                {
                    var line = Line(expired.Coupon.RoundId, expired.Coupon.CouponTypeId);
                    line.Expired++;
                    line.Leave(expired.TargetRoundId, 1);
                    break;
                }

                case RoundClosed closed:
                    Line(closed.RoundId, closed.CouponTypeId).Leave(closed.TargetRoundId, closed.Unclaimed);
                    break;
                case StockReceived received:
                    Line(received.RoundId, received.CouponTypeId).RolledIn += received.Count;
                    break;
            }
        }

        return new(
            campaign.Id,
            now,
            ledger.Count,
            [.. lines.Values.Select(l => l.ToLine())],
            [.. merchants.Select(m => new MerchantReportLine(m.Key, m.Value.Count, m.Value.Value, m.Value.Orders))],
            ReportTotals.Of(lines.Values),
            days.Select((date, d) => new ReportDay(date, d.Claimed, d.ClaimedValue, d.Residents.Count, d.Redeemed, d.RedeemedValue, d.OrderTotal)),
            regions.Select((code, r) => new ReportRegion(code.Length == 0 ? null : code, r.Claimed, r.ClaimedValue, r.Residents.Count, r.Redeemed, r.RedeemedValue, r.OrderTotal)));
    }

    private static (int Count, decimal Value, decimal Orders) Add((int Count, decimal Value, decimal Orders) totals, int count, decimal value, decimal orders) =>
        (totals.Count + count, totals.Value + value, totals.Orders + orders);
}
