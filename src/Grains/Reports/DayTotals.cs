using Claims.Contracts.Reports;

namespace Claims.Grains.Reports;

/// <summary>The report's days, in the campaign's time zone, while the ledger is read.</summary>
internal sealed class DayTotals(TimeZoneInfo zone)
{
    private readonly SortedDictionary<DateOnly, Day> _days = [];

    public void Claim(DateTimeOffset at, Coupon coupon)
    {
        var day = DayOf(at);
        day.Claimed++;
        day.ClaimedValue += coupon.FaceValue;
        day.Residents.Add(coupon.OwnerId);
    }

    /// <summary>A redemption, or with negative amounts a refund or reversal, on the day it happened.</summary>
    public void Redeem(DateTimeOffset at, int count, decimal discount, decimal orderAmount)
    {
        var day = DayOf(at);
        day.Redeemed += count;
        day.RedeemedValue += discount;
        day.OrderTotal += orderAmount;
    }

    public IReadOnlyList<ReportDay> ToDays() =>
        [.. _days.Select(d => new ReportDay(d.Key, d.Value.Claimed, d.Value.ClaimedValue, d.Value.Residents.Count, d.Value.Redeemed, d.Value.RedeemedValue, d.Value.OrderTotal))];

    private Day DayOf(DateTimeOffset at)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        if (!_days.TryGetValue(date, out var day))
        {
            _days[date] = day = new Day();
        }

        return day;
    }

    private sealed class Day
    {
        public int Claimed { get; set; }

        public decimal ClaimedValue { get; set; }

        public HashSet<string> Residents { get; } = new(StringComparer.Ordinal);

        public int Redeemed { get; set; }

        public decimal RedeemedValue { get; set; }

        public decimal OrderTotal { get; set; }
    }
}
