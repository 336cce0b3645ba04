namespace Claims.Grains.Risk;

/// <summary>Thresholds of risk control (configuration section <c>Risk</c>), per merchant.</summary>
public sealed class RiskOptions : ICheckedOptions
{
    public const string Section = "Risk";

    /// <summary>Redemptions within <see cref="BurstWindow"/> that raise a burst alert.</summary>
    public int BurstCount { get; set; } = 30;

    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many of the merchant's latest redemptions the minimum-spend share is taken over.</summary>
    public int MinimumSpendSample { get; set; } = 20;

    /// <summary>An order this far above the coupon's minimum spend (a fraction of it) counts as "just at" it.</summary>
    public decimal MinimumSpendMargin { get; set; } = 0.05m;

    /// <summary>The share of the sample just at the minimum spend that raises an alert.</summary>
    public decimal MinimumSpendShare { get; set; } = 0.8m;

    /// <summary>Redemptions of one resident's coupons at the merchant within <see cref="RepeatResidentWindow"/> that raise an alert.</summary>
    public int RepeatResidentCount { get; set; } = 3;

    public TimeSpan RepeatResidentWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Business hours in the campaign's time zone for campaigns that set none of their own; a
    /// redemption outside them raises an alert. Equal bounds: always open.
    /// </summary>
    public TimeSpan BusinessOpens { get; set; } = TimeSpan.FromHours(7);

    public TimeSpan BusinessCloses { get; set; } = TimeSpan.FromHours(23);

    /// <summary>The default hours as a campaign would set them; 24:00 is midnight.</summary>
    internal BusinessHoursDefinition DefaultBusinessHours => new(TimeOfDay(BusinessOpens), TimeOfDay(BusinessCloses));

    /// <summary>After an alert, the same pattern at the same merchant (and resident) stays quiet this long.</summary>
    public TimeSpan Quiet { get; set; } = TimeSpan.FromHours(1);

    private static TimeOnly TimeOfDay(TimeSpan time) => TimeOnly.FromTimeSpan(TimeSpan.FromTicks(time.Ticks % TimeSpan.TicksPerDay));

    public IEnumerable<string> Problems()
    {
        foreach (var (key, count) in new[] { (nameof(BurstCount), BurstCount), (nameof(MinimumSpendSample), MinimumSpendSample), (nameof(RepeatResidentCount), RepeatResidentCount) })
        {
            if (count < 1)
            {
                yield return $"{Section}:{key} must be 1 or more, not {count}.";
            }
        }

        foreach (var (key, window) in new[] { (nameof(BurstWindow), BurstWindow), (nameof(RepeatResidentWindow), RepeatResidentWindow) })
        {
            if (window <= TimeSpan.Zero)
            {
                yield return $"{Section}:{key} must be longer than zero, not {window}.";
            }
        }

        foreach (var (key, share) in new[] { (nameof(MinimumSpendMargin), MinimumSpendMargin), (nameof(MinimumSpendShare), MinimumSpendShare) })
        {
            if (share is < 0 or > 1)
            {
                yield return $"{Section}:{key} must be a share from 0 to 1, not {share}.";
            }
        }

        foreach (var (key, time) in new[] { (nameof(BusinessOpens), BusinessOpens), (nameof(BusinessCloses), BusinessCloses) })
        {
            if (time < TimeSpan.Zero || time > TimeSpan.FromDays(1))
            {
                yield return $"{Section}:{key} must be a time of day from 00:00 to 24:00, not {time}.";
            }
        }

        if (Quiet < TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(Quiet)} must be zero or more, not {Quiet}.";
        }
    }
}
