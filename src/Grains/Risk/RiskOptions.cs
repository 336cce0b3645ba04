namespace Claims.Grains.Risk;

/// <summary>Thresholds of risk control (configuration section <c>Risk</c>), per merchant.</summary>
public sealed class RiskOptions
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

    /// <summary>Business hours in the campaign's time zone; a redemption outside them raises an alert. Equal bounds: always open.</summary>
    public TimeSpan BusinessOpens { get; set; } = TimeSpan.FromHours(7);

    public TimeSpan BusinessCloses { get; set; } = TimeSpan.FromHours(23);

    /// <summary>After an alert, the same pattern at the same merchant (and resident) stays quiet this long.</summary>
    public TimeSpan Quiet { get; set; } = TimeSpan.FromHours(1);
}
