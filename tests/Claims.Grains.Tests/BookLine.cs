using Claims.Contracts.Reports;

namespace Claims.Grains.Tests;

/// <summary>One round and coupon type in a test's own books; ratios are rounded as the report rounds them.</summary>
internal sealed class BookLine(string fund, CouponTypeDefinition couponType, int stock)
{
    public int RolledIn { get; set; }

    public int Claimed { get; set; }

    public int Redeemed { get; set; }

    public int Refunded { get; set; }

    /// <summary>The order amounts of redemptions not refunded.</summary>
    public decimal OrderTotal { get; set; }

    public int Expired { get; private set; }

    public int RolledOver { get; set; }

    public int ReturnedToFund { get; set; }

    public int Stock => stock;

    /// <summary>Expires what was claimed and never redeemed, and returns how many coupons leave the round.</summary>
    public int Close()
    {
        Expired = Claimed - Redeemed;
        return Stock + RolledIn - Claimed + Refunded + Expired;
    }

    public ReportLine ToReportLine(string roundId)
    {
        var face = couponType.FaceValue;
        return new(
            roundId,
            fund,
            couponType.Industry,
            couponType.Id,
            face,
            Stock,
            RolledIn,
            Claimed,
            Claimed * face,
            Ratio(Claimed, Stock + RolledIn),
            Claimed,
            Redeemed,
            Redeemed * face,
            Ratio(Redeemed, Claimed),
            Refunded,
            Refunded * face,
            Expired,
            RolledOver,
            ReturnedToFund,
            OrderTotal,
            Ratio(OrderTotal, (Redeemed - Refunded) * face));
    }

    private static decimal Ratio(decimal part, decimal whole) => whole == 0 ? 0 : decimal.Round(part / whole, 4);
}
