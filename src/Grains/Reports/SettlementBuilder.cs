using Claims.Contracts.Redemptions;
using Claims.Contracts.Reports;
using Claims.Grains.Events;

namespace Claims.Grains.Reports;

/// <summary>
/// Folds a campaign's ledger into its settlement. A coupon is paid by the fund of the round it
/// was granted in, or by its co-funders in their shares (<see cref="FundSplit"/>, per order); a refund takes its discount back from the same fund and merchant, and so does a
/// reversal, which is shown apart. A merchant's order that falls under a hold not yet released is
/// held, not paid; under a released hold it is paid and shown as released. A reviewed redemption
/// is in review, not paid, until approved; a rejected one is never owed. Decimal arithmetic
/// throughout, so amounts are exact to the fen.
/// </summary>
public static class SettlementBuilder
{
    public static Settlement Build(CampaignDefinition campaign, IReadOnlyList<ClaimsEvent> ledger, IReadOnlyDictionary<string, IReadOnlyList<MerchantHold>> holds, DateTimeOffset now)
    {
        var rounds = campaign.Rounds.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var orders = new Dictionary<(string MerchantId, string OrderId), Order>();
        foreach (var e in ledger)
        {
            switch (e)
            {
                case CouponRedeemed redeemed:
                    orders[(redeemed.Receipt.MerchantId, redeemed.Receipt.OrderId)] = new(rounds[redeemed.Coupon.RoundId], redeemed.Receipt.Discount, redeemed.Receipt.RedeemedAt)
                    {
                        Review = redeemed.Receipt.Review,
                    };
                    break;
                case CouponReviewed reviewed:
                    orders[(reviewed.MerchantId, reviewed.OrderId)].Review = reviewed.Review.Status;
                    break;
                case CouponRefunded refunded:
                    orders[(refunded.MerchantId, refunded.Receipt.OrderId)].Refunded = true;
                    break;
                case CouponReversed reversed:
                    orders[(reversed.Receipt.MerchantId, reversed.Receipt.OrderId)].Reversed = true;
                    break;
            }
        }

        var owed = new SortedDictionary<(string Fund, string MerchantId), MerchantSettlement>();
        foreach (var ((merchantId, _), order) in orders)
        {
            var hold = MerchantHold.Covering(holds.GetValueOrDefault(merchantId) ?? [], order.RedeemedAt);
            foreach (var (fund, part) in FundSplit.Of(order.Round, order.Discount))
            {
                var line = owed.GetValueOrDefault((fund, merchantId)) ?? new(fund, merchantId, 0, 0);
                owed[(fund, merchantId)] = order switch
                {
                    { Refunded: true } or { Review: ReviewStatus.Rejected } => line,
                    { Reversed: true } => line with { Reversed = line.Reversed + part },
                    { Review: ReviewStatus.Pending } => line with { Redemptions = line.Redemptions + 1, InReview = line.InReview + part },
                    _ when hold is { ReleasedAt: null } => line with { Redemptions = line.Redemptions + 1, Held = line.Held + part },
                    _ => line with
                    {
                        Redemptions = line.Redemptions + 1,
                        Amount = line.Amount + part,
                        Released = line.Released + (hold is null ? 0 : part),
                    },
                };
            }
        }

        var merchants = owed.Values.ToList();
        var funds = campaign.Funds.Select(f =>
        {
            var of = merchants.Where(m => m.Fund == f.Id).ToList();
            var (paid, held, inReview) = (of.Sum(m => m.Amount), of.Sum(m => m.Held), of.Sum(m => m.InReview));
            return new FundSettlement(f.Id, f.Amount, paid, f.Amount - paid - held - inReview, held, of.Sum(m => m.Released), of.Sum(m => m.Reversed), inReview);
        }).ToList();
        return new(campaign.Id, now, funds, merchants);
    }

    private sealed class Order(RoundDefinition round, decimal discount, DateTimeOffset redeemedAt)
    {
        public RoundDefinition Round { get; } = round;

        public decimal Discount { get; } = discount;

        public DateTimeOffset RedeemedAt { get; } = redeemedAt;

        public bool Refunded { get; set; }

        public bool Reversed { get; set; }

        // Null for a type without review.
        public ReviewStatus? Review { get; set; }
    }
}
