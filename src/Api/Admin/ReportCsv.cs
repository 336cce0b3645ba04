using System.Globalization;
using Claims.Contracts.Reports;

namespace Claims.Api.Admin;

/// <summary>Reports and settlements as CSV: each document's tables one after the other, each with its header row.</summary>
public static class ReportCsv
{
    public static string Write(CampaignReport report)
    {
        var csv = new Csv().Row(
            "roundId", "fund", "industry", "couponTypeId", "faceValue", "stock", "rolledIn", "claimed", "claimedValue", "coverage", "residents",
            "redeemed", "redeemedValue", "redemptionRate", "refunded", "refundedValue", "expired", "rolledOver", "returnedToFund", "orderTotal", "leverage", "reversed", "reversedValue", "rejected", "rejectedValue", "inReview");
        foreach (var l in report.Lines)
        {
            csv.Row(l.RoundId, l.Fund, l.Industry, l.CouponTypeId, l.FaceValue, l.Stock, l.RolledIn, l.Claimed, l.ClaimedValue, l.Coverage, l.Residents,
                l.Redeemed, l.RedeemedValue, l.RedemptionRate, l.Refunded, l.RefundedValue, l.Expired, l.RolledOver, l.ReturnedToFund, l.OrderTotal, l.Leverage, l.Reversed, l.ReversedValue, l.Rejected, l.RejectedValue, l.InReview);
        }

        csv.Gap().Row("merchantId", "redemptions", "value", "orderTotal");
        foreach (var m in report.Merchants)
        {
            csv.Row(m.MerchantId, m.Redemptions, m.Value, m.OrderTotal);
        }

        csv.Gap().Row(
            "scope", "key", "residents", "merchants", "claimed", "claimedValue", "redeemed", "redeemedValue", "refunded", "reversed", "rejected", "expired", "rolledOver", "returnedToFund", "orderTotal", "leverage");
        foreach (var t in report.Totals ?? [])
        {
            csv.Row(t.Scope, t.Key, t.Residents, t.Merchants, t.Claimed, t.ClaimedValue, t.Redeemed, t.RedeemedValue, t.Refunded, t.Reversed, t.Rejected, t.Expired, t.RolledOver, t.ReturnedToFund, t.OrderTotal, t.Leverage);
        }

        csv.Gap().Row("date", "claimed", "claimedValue", "residents", "redeemed", "redeemedValue", "orderTotal");
        foreach (var d in report.Days ?? [])
        {
            csv.Row(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Claimed, d.ClaimedValue, d.Residents, d.Redeemed, d.RedeemedValue, d.OrderTotal);
        }

        csv.Gap().Row("regionCode", "claimed", "claimedValue", "residents", "redeemed", "redeemedValue", "orderTotal");
        foreach (var r in report.Regions ?? [])
        {
            csv.Row(r.RegionCode ?? "", r.Claimed, r.ClaimedValue, r.Residents, r.Redeemed, r.RedeemedValue, r.OrderTotal);
        }

        return csv.ToString();
    }

    public static string Write(Settlement settlement)
    {
        var csv = new Csv().Row("fund", "budget", "paid", "leftover", "held", "released", "reversed", "inReview");
        foreach (var f in settlement.Funds)
        {
            csv.Row(f.Fund, f.Budget, f.Paid, f.Leftover, f.Held, f.Released, f.Reversed, f.InReview);
        }

        csv.Gap().Row("fund", "merchantId", "redemptions", "amount", "held", "released", "reversed", "inReview");
        foreach (var m in settlement.Merchants)
        {
            csv.Row(m.Fund, m.MerchantId, m.Redemptions, m.Amount, m.Held, m.Released, m.Reversed, m.InReview);
        }

        return csv.ToString();
    }

    public static string Write(Reconciliation reconciliation)
    {
        var csv = new Csv().Row("fund", "roundId", "couponTypeId", "measure", "ledger", "other", "difference");
        foreach (var d in reconciliation.Differences)
        {
            csv.Row(d.Fund, d.RoundId ?? "", d.CouponTypeId ?? "", d.Measure, d.Ledger, d.Other, d.Difference);
        }

        return csv.ToString();
    }

    public static string Write(IReadOnlyList<AuditRecord> records)
    {
        var csv = new Csv().Row("merchantId", "orderId", "couponId", "userId", "roundId", "fund", "couponTypeId", "orderAmount", "discount", "payable", "redeemedAt", "refunded", "reversed", "review", "claimRegion", "redemptionRegion");
        foreach (var r in records)
        {
            csv.Row(r.MerchantId, r.OrderId, r.CouponId, r.UserId, r.RoundId, r.Fund, r.CouponTypeId, r.OrderAmount, r.Discount, r.Payable, r.RedeemedAt.ToString("O", CultureInfo.InvariantCulture), r.Refunded, r.Reversed, r.Review?.ToString().ToLowerInvariant() ?? "", r.ClaimRegion ?? "", r.RedemptionRegion ?? "");
        }

        return csv.ToString();
    }
}
