using Claims.Contracts.Reports;

namespace Claims.Grains.Reports;

/// <summary>The running counts of one report line while the ledger is read.</summary>
internal sealed class LineTotals(RoundDefinition round, CouponTypeDefinition couponType)
{
    private readonly HashSet<string> _residents = new(StringComparer.Ordinal);

    public RoundDefinition Round => round;

    public CouponTypeDefinition CouponType => couponType;

    /// <summary>The residents granted a coupon of this line.</summary>
    public IReadOnlySet<string> Residents => _residents;

    /// <summary>The merchants that redeemed a coupon of this line.</summary>
    public HashSet<string> Merchants { get; } = new(StringComparer.Ordinal);

    public int RolledIn { get; set; }

    public int Claimed { get; private set; }

    public int Redeemed { get; set; }

    public decimal RedeemedValue { get; set; }

    public int Refunded { get; set; }

    public decimal RefundedValue { get; set; }

    public int Reversed { get; set; }

    public decimal ReversedValue { get; set; }

    public int Rejected { get; set; }

    public decimal RejectedValue { get; set; }

    public int InReview { get; set; }

    public int Expired { get; set; }

    public int RolledOver { get; set; }

    public int ReturnedToFund { get; set; }

    public decimal OrderTotal { get; set; }

    /// <summary>Redemptions that still stand: not refunded, reversed or rejected in review.</summary>
    public int NetRedeemed => Redeemed - Refunded - Reversed - Rejected;

    /// <summary>The discount of the redemptions that still stand.</summary>
    public decimal NetValue => RedeemedValue - RefundedValue - ReversedValue - RejectedValue;

    public void Claim(Coupon coupon)
    {
        Claimed++;
        _residents.Add(coupon.OwnerId);
    }

    /// <summary>Counts coupons leaving this line for a later round (<paramref name="targetRoundId"/>) or for the fund (null).</summary>
    public void Leave(string? targetRoundId, int count)
    {
        if (targetRoundId is null)
        {
            ReturnedToFund += count;
        }
        else if (targetRoundId != round.Id)
        {
            RolledOver += count;
        }
    }

    public ReportLine ToLine()
    {
        var stock = round.Stock.GetValueOrDefault(couponType.Id);
        return new(
            round.Id,
            round.Fund,
            couponType.Industry,
            couponType.Id,
            couponType.FaceValue,
            stock,
            RolledIn,
            Claimed,
            Claimed * couponType.FaceValue,
            Ratio(Claimed, stock + RolledIn),
            _residents.Count,
            Redeemed,
            RedeemedValue,
            Ratio(Redeemed, Claimed),
            Refunded,
            RefundedValue,
            Expired,
            RolledOver,
            ReturnedToFund,
            OrderTotal,
            Ratio(OrderTotal, NetValue),
            Reversed,
            ReversedValue,
            Rejected,
            RejectedValue,
            InReview);
    }

    private static decimal Ratio(decimal part, decimal whole) => whole == 0 ? 0 : decimal.Round(part / whole, 4);
}
