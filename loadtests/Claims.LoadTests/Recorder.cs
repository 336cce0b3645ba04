using System.Collections.Concurrent;
using HdrHistogram;

namespace Claims.LoadTests;

/// <summary>
/// Every answer of the rehearsal: latency per outcome (from when the request was due, so a stall
/// shows as latency rather than as fewer requests), answers and latency per second, grants, and
/// when each coupon type was first refused as sold out.
/// </summary>
public sealed class Recorder
{
    // Microseconds, up to ten minutes, three significant digits.
    private const long Highest = 600_000_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LongHistogram> _byOutcome = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, LongHistogram> _bySecond = [];
    private readonly ConcurrentDictionary<string, TimeSpan> _soldOutAt = new(StringComparer.Ordinal);
    private int _sent;
    private int _answered;
    private int _granted;

    public ConcurrentBag<Grant> Grants { get; } = [];

    /// <summary>Residents some of whose claims got no clear answer (errors, timeouts, 503): a grant may have been made for them unseen.</summary>
    public ConcurrentDictionary<string, bool> Unanswered { get; } = new(StringComparer.Ordinal);

    public int Sent => _sent;

    public int Answered => _answered;

    public int Granted => _granted;

    public IReadOnlyDictionary<string, TimeSpan> SoldOutAt => _soldOutAt;

    public void Sending() => Interlocked.Increment(ref _sent);

    public void Record(string outcome, TimeSpan due, TimeSpan answered)
    {
        var micros = Math.Clamp((long)(answered - due).TotalMicroseconds, 1, Highest);
        lock (_lock)
        {
            Histogram(_byOutcome, outcome).RecordValue(micros);
            Histogram(_bySecond, (int)answered.TotalSeconds).RecordValue(micros);
        }

        Interlocked.Increment(ref _answered);
    }

    public void SawGrant(Grant grant)
    {
        Grants.Add(grant);
        Interlocked.Increment(ref _granted);
    }

    public void SawSoldOut(string couponTypeId, TimeSpan at) => _soldOutAt.TryAdd(couponTypeId, at);

    public IReadOnlyList<(string Outcome, LongHistogram Latency)> ByOutcome()
    {
        lock (_lock)
        {
            return [.. _byOutcome.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => (o.Key, o.Value))];
        }
    }

    public IReadOnlyList<(int Second, LongHistogram Latency)> BySecond()
    {
        lock (_lock)
        {
            return [.. _bySecond.Select(s => (s.Key, s.Value))];
        }
    }

    private static LongHistogram Histogram<TKey>(IDictionary<TKey, LongHistogram> histograms, TKey key)
    {
        if (!histograms.TryGetValue(key, out var histogram))
        {
            histograms[key] = histogram = new LongHistogram(Highest, 3);
        }

        return histogram;
    }
}

/// <summary>A coupon one resident was granted, as its 201 said.</summary>
public sealed record Grant(string ResidentId, string CouponTypeId, string CouponId, TimeSpan At);
