using System.Collections.Concurrent;
using HdrHistogram;

namespace Claims.LoadTests;

/// <summary>
/// Every request and answer of the rehearsal, by the second from the opening: arrivals (by when
/// each request was due), requests in flight, and the latency of each outcome (from when the
/// request was due, so a stall shows as latency rather than as fewer requests); grants, and when
/// each coupon type was first refused as sold out. A merge fills one from the parts' logs.
/// </summary>
public sealed class Recorder
{
    /// <summary>Microseconds, up to ten minutes, three significant digits.</summary>
    public const long Highest = 600_000_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(int Second, string Outcome), HistogramBase> _latency = [];
    private readonly SortedDictionary<int, long> _arrivals = [];
    private readonly SortedDictionary<int, long> _inFlight = [];
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

    public void Sending(TimeSpan due) => Arrived((int)due.TotalSeconds, 1);

    public void Record(string outcome, TimeSpan due, TimeSpan answered)
    {
        var micros = Math.Clamp((long)(answered - due).TotalMicroseconds, 1, Highest);
        lock (_lock)
        {
            // Int counts: one second of one outcome stays far below 2^31, at half the memory of longs.
            var key = ((int)answered.TotalSeconds, outcome);
            if (!_latency.TryGetValue(key, out var histogram))
            {
                _latency[key] = histogram = new IntHistogram(Highest, 3);
            }

            histogram.RecordValue(micros);
        }

        Interlocked.Increment(ref _answered);
    }

    /// <summary>Notes how many requests were sent and not yet answered at <paramref name="at"/>.</summary>
    public void SawInFlight(TimeSpan at)
    {
        lock (_lock)
        {
            _inFlight[(int)at.TotalSeconds] = _sent - _answered;
        }
    }

    public void SawGrant(Grant grant)
    {
        Grants.Add(grant);
        Interlocked.Increment(ref _granted);
    }

    public void SawSoldOut(string couponTypeId, TimeSpan at) => _soldOutAt.AddOrUpdate(couponTypeId, at, (_, first) => first < at ? first : at);

    /// <summary>Counts <paramref name="count"/> requests due in <paramref name="second"/>, and so sent.</summary>
    public void Arrived(int second, long count)
    {
        lock (_lock)
        {
            _arrivals[second] = _arrivals.GetValueOrDefault(second) + count;
        }

        Interlocked.Add(ref _sent, (int)count);
    }

    /// <summary>Adds requests in flight elsewhere (a part) at the end of <paramref name="second"/>.</summary>
    public void InFlight(int second, long count)
    {
        lock (_lock)
        {
            _inFlight[second] = _inFlight.GetValueOrDefault(second) + count;
        }
    }

    /// <summary>Adds answers recorded elsewhere (a part's latency log) to the second and outcome they were answered in.</summary>
    public void Add(int second, string outcome, HistogramBase latency)
    {
        lock (_lock)
        {
            if (_latency.TryGetValue((second, outcome), out var histogram))
            {
                histogram.Add(latency);
            }
            else
            {
                _latency[(second, outcome)] = latency;
            }
        }

        Interlocked.Add(ref _answered, (int)latency.TotalCount);
    }

    public IReadOnlyList<(int Second, string Outcome, HistogramBase Latency)> Latency()
    {
        lock (_lock)
        {
            return [.. _latency.OrderBy(l => l.Key.Second).ThenBy(l => l.Key.Outcome, StringComparer.Ordinal).Select(l => (l.Key.Second, l.Key.Outcome, l.Value))];
        }
    }

    public IReadOnlyDictionary<int, long> Arrivals()
    {
        lock (_lock)
        {
            return new SortedDictionary<int, long>(_arrivals);
        }
    }

    public IReadOnlyDictionary<int, long> InFlight()
    {
        lock (_lock)
        {
            return new SortedDictionary<int, long>(_inFlight);
        }
    }

    /// <summary>Every answer of each outcome, whatever the second.</summary>
    public IReadOnlyList<(string Outcome, LongHistogram Latency)> ByOutcome() =>
        [.. Latency().GroupBy(l => l.Outcome, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Sum(g.Select(l => l.Latency))))];

    /// <summary>Every answer of each second, whatever the outcome.</summary>
    public IReadOnlyList<(int Second, LongHistogram Latency)> BySecond() =>
        [.. Latency().GroupBy(l => l.Second).Select(g => (g.Key, Sum(g.Select(l => l.Latency))))];

    public static LongHistogram Sum(IEnumerable<HistogramBase> parts)
    {
        var sum = new LongHistogram(Highest, 3);
        foreach (var part in parts)
        {
            sum.Add(part);
        }

        return sum;
    }
}
