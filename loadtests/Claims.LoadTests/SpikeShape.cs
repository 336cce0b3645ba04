namespace Claims.LoadTests;

/// <summary>
/// Arrivals per second over time: a straight rise from 0 to <see cref="Peak"/> over
/// <see cref="Ramp"/> at the round's opening, the peak held for <see cref="Hold"/> (none for a
/// launch-day spike, the whole run for a soak), then halving every <see cref="HalfLife"/>, down
/// to a trickle of 1% of the peak that brings whoever is left.
/// </summary>
public sealed record SpikeShape(double Peak, TimeSpan Ramp, TimeSpan HalfLife, TimeSpan Hold = default)
{
    /// <summary>The peak at which a crowd of <paramref name="crowd"/> has all but arrived when the decay fades out.</summary>
    public static double PeakFor(int crowd, TimeSpan ramp, TimeSpan halfLife, TimeSpan hold = default) =>
        crowd / ((ramp.TotalSeconds / 2) + hold.TotalSeconds + (halfLife.TotalSeconds / Math.Log(2)));

    public double RateAt(TimeSpan t) =>
        t < Ramp ? Peak * t / Ramp
        : t < Ramp + Hold ? Peak
        : Math.Max(Peak * Math.Pow(0.5, (t - Ramp - Hold) / HalfLife), Peak / 100);

    /// <summary>When each of <paramref name="count"/> arrivals starts: the n-th when the rate's integral reaches n.</summary>
    public TimeSpan[] Schedule(int count)
    {
        var starts = new TimeSpan[count];
        var step = TimeSpan.FromMilliseconds(0.1);
        var arrived = 0.0;
        var t = TimeSpan.Zero;
        for (var n = 0; n < count; n++)
        {
            while (arrived < n + 1)
            {
                arrived += RateAt(t) * step.TotalSeconds;
                t += step;
            }

            starts[n] = t;
        }

        return starts;
    }
}
