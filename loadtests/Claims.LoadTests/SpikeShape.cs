namespace Claims.LoadTests;

/// <summary>
/// Arrivals per second over time: a straight rise from 0 to <see cref="Peak"/> over
/// <see cref="Ramp"/> at the round's opening, then halving every <see cref="HalfLife"/>.
/// </summary>
public sealed record SpikeShape(double Peak, TimeSpan Ramp, TimeSpan HalfLife)
{
    public double RateAt(TimeSpan t) =>
        t < Ramp ? Peak * t / Ramp : Peak * Math.Pow(0.5, (t - Ramp) / HalfLife);

    /// <summary>When each of <paramref name="count"/> arrivals starts: the n-th when the rate's integral reaches n.</summary>
    public TimeSpan[] Schedule(int count)
    {
        var starts = new TimeSpan[count];
        var step = TimeSpan.FromMilliseconds(0.1);
        var arrived = 0.0;
        var t = TimeSpan.Zero;
        for (var n = 0; n < count; n++)
        {
            // The decay never quite reaches zero: past a day the last arrivals come at 1 per second.
            while (arrived < n + 1)
            {
                arrived += Math.Max(RateAt(t), t > TimeSpan.FromDays(1) ? 1 : 0) * step.TotalSeconds;
                t += step;
            }

            starts[n] = t;
        }

        return starts;
    }
}
