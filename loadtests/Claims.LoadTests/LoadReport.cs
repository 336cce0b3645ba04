using System.Collections.Concurrent;
using HdrHistogram;

namespace Claims.LoadTests;

/// <summary>Outcome counts and the latency distribution of one run, safe to record from many requests at once.</summary>
public sealed class LoadReport
{
    // Microseconds, up to ten minutes: far beyond any client timeout, so every latency fits.
    private const long HighestMicroseconds = 600_000_000;

    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly LongConcurrentHistogram _latency = new(1, HighestMicroseconds, 3);

    public TimeSpan Elapsed { get; set; }

    /// <summary>Transport errors and server errors, which a rehearsal should not shrug off.</summary>
    public bool HasFailures => _outcomes.Keys.Any(k => k.StartsWith("error", StringComparison.Ordinal) || k.StartsWith('5'));

    public void Record(string outcome, TimeSpan latency)
    {
        _outcomes.AddOrUpdate(outcome, 1, (_, count) => count + 1);
        _latency.RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 1, HighestMicroseconds));
    }

    public void Print(TextWriter output, int concurrency)
    {
        var total = _latency.TotalCount;
        output.WriteLine($"Claims: {total} in {Elapsed.TotalSeconds:F2} s = {total / Elapsed.TotalSeconds:F1} claims/s at concurrency {concurrency}");
        foreach (var (outcome, count) in _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {outcome,-32} {count,8}");
        }

        output.WriteLine(
            $"Latency ms: p50 {Milliseconds(50):F2}  p90 {Milliseconds(90):F2}  p99 {Milliseconds(99):F2}  max {_latency.GetMaxValue() / 1000.0:F2}");
    }

    private double Milliseconds(double percentile) => _latency.GetValueAtPercentile(percentile) / 1000.0;
}
