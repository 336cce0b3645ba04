using System.Globalization;
using System.Text;
using Claims.Contracts.Reports;

namespace Claims.Api.Admin;

/// <summary>
/// A report as CSV for spreadsheets: the per-round lines, an empty line, then the per-merchant
/// lines, each table with its own header row. Numbers use the invariant culture.
/// </summary>
public static class ReportCsv
{
    public static string Write(CampaignReport report)
    {
        var csv = new StringBuilder();
        Row(csv, "roundId", "fund", "industry", "couponTypeId", "faceValue", "stock", "rolledIn", "claimed", "claimedValue", "coverage", "residents",
            "redeemed", "redeemedValue", "redemptionRate", "refunded", "refundedValue", "expired", "rolledOver", "returnedToFund", "orderTotal", "leverage");
        foreach (var l in report.Lines)
        {
            Row(csv, l.RoundId, l.Fund, l.Industry, l.CouponTypeId, l.FaceValue, l.Stock, l.RolledIn, l.Claimed, l.ClaimedValue, l.Coverage, l.Residents,
                l.Redeemed, l.RedeemedValue, l.RedemptionRate, l.Refunded, l.RefundedValue, l.Expired, l.RolledOver, l.ReturnedToFund, l.OrderTotal, l.Leverage);
        }

        csv.Append("\r\n");
        Row(csv, "merchantId", "redemptions", "value", "orderTotal");
        foreach (var m in report.Merchants)
        {
            Row(csv, m.MerchantId, m.Redemptions, m.Value, m.OrderTotal);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params object[] cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    // Ids are plain, but a merchant id chosen by an operator could hold a comma or a quote.
    private static string Cell(object value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return text.IndexOfAny([',', '"', '\r', '\n']) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
