using Claims.Contracts.Reports;

namespace Claims.Grains.Tests;

/// <summary>
/// A test's own account of a campaign, kept from what it asked the grains to do rather than read
/// from the ledger: per round and coupon type, and per merchant. Each fund pays face values only.
/// </summary>
internal sealed class CampaignBooks(CampaignDefinition campaign)
{
    private readonly Dictionary<(string RoundId, string CouponTypeId), BookLine> _lines = (
        from round in campaign.Rounds
        from stock in round.Stock
        select (Key: (round.Id, stock.Key), Line: new BookLine(round.Fund, campaign.FindCouponType(stock.Key)!, stock.Value))).ToDictionary(l => l.Key, l => l.Line);

    private readonly SortedDictionary<string, (int Count, decimal Value, decimal Orders)> _merchants = new(StringComparer.Ordinal);

    /// <summary>What the campaign's single fund pays merchants in all.</summary>
    public decimal Paid => _merchants.Values.Sum(m => m.Value);

    public IEnumerable<(string CouponTypeId, BookLine Line)> Round(string roundId) =>
        from line in _lines
        where line.Key.RoundId == roundId
        select (line.Key.CouponTypeId, line.Value);

    public void Redeemed(Coupon coupon, string merchantId, decimal orderAmount)
    {
        var line = _lines[(coupon.RoundId, coupon.CouponTypeId)];
        line.Redeemed++;
        line.OrderTotal += orderAmount;
        Merchant(merchantId, 1, coupon.FaceValue, orderAmount);
    }

    public void Refunded(Coupon coupon, string merchantId, decimal orderAmount)
    {
        var line = _lines[(coupon.RoundId, coupon.CouponTypeId)];
        line.Refunded++;
        line.OrderTotal -= orderAmount;
        Merchant(merchantId, -1, -coupon.FaceValue, -orderAmount);
    }

    /// <summary>
    /// The close of <paramref name="fromRoundId"/>: coupons claimed and never redeemed expire, and
    /// they, the unclaimed stock and the refunded coupons' value move to the same type in <paramref name="toRoundId"/>.
    /// </summary>
    public void RollOver(string fromRoundId, string toRoundId)
    {
        foreach (var (couponTypeId, line) in Round(fromRoundId))
        {
            line.RolledOver = line.Close();
            _lines[(toRoundId, couponTypeId)].RolledIn += line.RolledOver;
        }
    }

    /// <summary>The close of the last round: what it leaves goes back to the fund.</summary>
    public void ReturnToFund(string roundId)
    {
        foreach (var (_, line) in Round(roundId))
        {
            line.ReturnedToFund = line.Close();
        }
    }

    public IEnumerable<ReportLine> ExpectedLines() =>
        _lines.OrderBy(l => l.Key.RoundId, StringComparer.Ordinal).ThenBy(l => l.Key.CouponTypeId, StringComparer.Ordinal).Select(l => l.Value.ToReportLine(l.Key.RoundId));

    public IEnumerable<MerchantReportLine> ExpectedMerchants() =>
        _merchants.Select(m => new MerchantReportLine(m.Key, m.Value.Count, m.Value.Value, m.Value.Orders));

    public IEnumerable<MerchantSettlement> ExpectedSettlement() =>
        _merchants.Select(m => new MerchantSettlement(campaign.Rounds[0].Fund, m.Key, m.Value.Count, m.Value.Value));

    private void Merchant(string merchantId, int count, decimal value, decimal orders)
    {
        var totals = _merchants.GetValueOrDefault(merchantId);
        _merchants[merchantId] = (totals.Count + count, totals.Value + value, totals.Orders + orders);
    }
}
