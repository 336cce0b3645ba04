using Claims.Contracts.Reports;

namespace Claims.Grains.Reports;

/// <summary>The report's totals per campaign, fund and industry, each resident and merchant counted once per total.</summary>
internal static class ReportTotals
{
    public static IReadOnlyList<ReportTotal> Of(IReadOnlyCollection<LineTotals> lines) =>
    [
        Total("campaign", "all", lines),
        .. lines.GroupBy(l => l.Round.Fund, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Total("fund", g.Key, [.. g])),
        .. lines.GroupBy(l => l.CouponType.Industry, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Total("industry", g.Key, [.. g])),
    ];

    private static ReportTotal Total(string scope, string key, IReadOnlyCollection<LineTotals> lines)
    {
        var residents = lines.SelectMany(l => l.Residents).Distinct(StringComparer.Ordinal).Count();
        var merchants = lines.SelectMany(l => l.Merchants).Distinct(StringComparer.Ordinal).Count();
        var netValue = lines.Sum(l => l.NetValue);
        var orderTotal = lines.Sum(l => l.OrderTotal);
        return new(
            scope,
            key,
            residents,
            merchants,
            lines.Sum(l => l.Claimed),
            lines.Sum(l => l.Claimed * l.CouponType.FaceValue),
            lines.Sum(l => l.NetRedeemed),
            netValue,
            lines.Sum(l => l.Refunded),
            lines.Sum(l => l.Reversed),
            lines.Sum(l => l.Rejected),
            lines.Sum(l => l.Expired),
            lines.Sum(l => l.RolledOver),
            lines.Sum(l => l.ReturnedToFund),
            orderTotal,
            netValue == 0 ? 0 : decimal.Round(orderTotal / netValue, 4));
    }
}
