using System.Diagnostics;

namespace Claims.Client.Time;

/// <summary>
/// The time every part of a node decides by: the node's monotonic clock counted from an anchor.
/// A step of the node's wall clock (a bad NTP correction, a virtual machine resumed from a
/// snapshot, a date set by hand) moves nothing the product decides, such as whether a round is
/// open or a coupon has expired. The anchor is the wall clock when the node starts, until
/// <see cref="Anchor"/> sets it from the cluster's reference.
/// </summary>
public sealed class NodeClock : TimeProvider
{
    private Reading _anchor = new(System.GetUtcNow(), Stopwatch.GetTimestamp());

    public override DateTimeOffset GetUtcNow()
    {
        var anchor = Volatile.Read(ref _anchor);
        return anchor.At + Stopwatch.GetElapsedTime(anchor.Timestamp);
    }

    /// <summary>How far this clock is behind <paramref name="reference"/>, the time it was at the monotonic <paramref name="timestamp"/>.</summary>
    public TimeSpan DriftFrom(DateTimeOffset reference, long timestamp) =>
        reference + Stopwatch.GetElapsedTime(timestamp) - GetUtcNow();

    /// <summary>
    /// Counts from <paramref name="reference"/>, the time it was at the monotonic
    /// <paramref name="timestamp"/>; returns how far this moved the clock.
    /// </summary>
    public TimeSpan Anchor(DateTimeOffset reference, long timestamp)
    {
        var step = DriftFrom(reference, timestamp);
        Volatile.Write(ref _anchor, new Reading(reference, timestamp));
        return step;
    }

    private sealed record Reading(DateTimeOffset At, long Timestamp);
}
