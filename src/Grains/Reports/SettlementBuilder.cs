using Claims.Contracts.Reports;
using Claims.Grains.Events;

namespace Claims.Grains.Reports;

/// <summary>
/// Folds a campaign's ledger into its settlement. A coupon is paid by the fund of the round it
/// was granted in; a refund takes its discount back from the same fund and merchant. Decimal
/// arithmetic throughout, so amounts are exact to the fen.
/// </summary>
public static class SettlementBuilder
{
    public static Settlement Build(CampaignDefinition campaign, IReadOnlyList<ClaimsEvent> ledger, DateTimeOffset now)
    {
        var fundOfRound = campaign.Rounds.ToDictionary(r => r.Id, r => r.Fund, StringComparer.Ordinal);
        var owed = new SortedDictionary<(string Fund, string MerchantId), (int Redemptions, decimal Amount)>();
        foreach (var e in ledger)
        {
            var (coupon, merchantId, count, amount) = e switch
            {
                CouponRedeemed redeemed => (redeemed.Coupon, redeemed.Receipt.MerchantId, 1, redeemed.Receipt.Discount),
                CouponRefunded refunded => (refunded.Coupon, refunded.MerchantId, -1, -refunded.Receipt.Discount),
                _ => (null, "", 0, 0m),
            };
            if (coupon is not null)
            {
                var key = (fundOfRound[coupon.RoundId], merchantId);
                var (redemptions, total) = owed.GetValueOrDefault(key);
                owed[key] = (redemptions + count, total + amount);
            }
        }

        var merchants = owed.Select(o => new MerchantSettlement(o.Key.Fund, o.Key.MerchantId, o.Value.Redemptions, o.Value.Amount)).ToList();
        var funds = campaign.Funds.Select(f =>
        {
            var paid = merchants.Where(m => m.Fund == f.Id).Sum(m => m.Amount);
            return new FundSettlement(f.Id, f.Amount, paid, f.Amount - paid);
        }).ToList();
        return new(campaign.Id, now, funds, merchants);
    }
}
