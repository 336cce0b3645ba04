namespace Claims.Grains.Campaigns;

/// <summary>How campaigns drive their rounds after the claim (configuration section <c>Lifecycle</c>).</summary>
public sealed class ClaimsLifecycleOptions : ICheckedOptions
{
    public const string Section = "Lifecycle";

    /// <summary>
    /// How often a campaign's reminder has its pools expire coupons, close rounds and pass stock on.
    /// Expiry and rollover lag real time by at most this much; claims and redemptions check
    /// validity themselves and never wait for it.
    /// </summary>
    public TimeSpan TickPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A round's stock can no longer be reallocated this long before it opens, so the new counts
    /// reach every pool of the round before anyone can claim.
    /// </summary>
    public TimeSpan ReallocationCutoff { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Problems()
    {
        if (TickPeriod <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(TickPeriod)} must be longer than zero, not {TickPeriod}.";
        }

        if (ReallocationCutoff < TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(ReallocationCutoff)} must be zero or more, not {ReallocationCutoff}.";
        }
    }
}
