using System.Text.Json;
using System.Text.Json.Serialization;
using HdrHistogram;

namespace Claims.LoadTests;

/// <summary>
/// What a rehearsal (or a merge of its parts) ran and measured, written beside its HTML report as
/// JSON for other tools, for <c>compare</c> and for <c>merge</c>. Times are in milliseconds unless
/// named otherwise; series are by the second from the opening.
/// </summary>
public sealed record RunSummary
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string CampaignId { get; init; }

    /// <summary><c>embedded</c>, or the deployment's URL.</summary>
    public required string Target { get; init; }

    /// <summary>When the round opened and the crowd started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    public required int Crowd { get; init; }

    /// <summary><c>k/N</c> for a part of the crowd; none for a whole run or a merge.</summary>
    public string? Part { get; init; }

    public required double PeakArrivals { get; init; }

    public required double RampSeconds { get; init; }

    public required double HalfLifeSeconds { get; init; }

    /// <summary>How long the peak was held before it decayed (a soak's whole run).</summary>
    public double HoldSeconds { get; init; }

    /// <summary>From the opening until the last answer.</summary>
    public required double Seconds { get; init; }

    public long Requests { get; init; }

    public long Answered { get; init; }

    /// <summary>Timeouts, connection errors and 5xx answers.</summary>
    public long Errors { get; init; }

    /// <summary>The most answers in one second.</summary>
    public long PeakSecond { get; init; }

    public LatencyFigures Latency { get; init; } = new(0, 0, 0, 0, 0, 0);

    public IReadOnlyList<OutcomeFigures> Outcomes { get; init; } = [];

    public IReadOnlyList<SecondFigures> Timeline { get; init; } = [];

    public IReadOnlyList<PoolFigures> Pools { get; init; } = [];

    public IReadOnlyList<StockSample> Stock { get; init; } = [];

    /// <summary>The server's CPU and memory each second, when the tool could see its process (embedded, or <c>--server-pid</c>).</summary>
    public IReadOnlyList<ProcessSample> Server { get; init; } = [];

    public double? ServerCpuSeconds { get; init; }

    public long? ServerPeakBytes { get; init; }

    /// <summary>The tool's own CPU and memory each second (summed over the parts of a merge).</summary>
    public IReadOnlyList<ProcessSample> Tool { get; init; } = [];

    public double ToolCpuSeconds { get; init; }

    /// <summary>The cores the tool could run on (summed over the parts of a merge).</summary>
    public int ToolCores { get; init; }

    public string? Draw { get; init; }

    public IReadOnlyList<Grant> Grants { get; init; } = [];

    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>How many winners' wallets the check read (<c>--check-wallets</c>); none when it read every winner's.</summary>
    public int? WalletsChecked { get; init; }

    public IReadOnlyList<ThresholdResult> Thresholds { get; init; } = [];

    /// <summary>The file name of the run's latency log (HdrHistogram's log format), beside this summary.</summary>
    public string? LatencyLog { get; init; }

    public double? ServerCpuPerRequestMillis => ServerCpuSeconds is { } cpu && Answered > 0 ? cpu * 1000 / Answered : null;

    public double? ToolCpuPerRequestMillis => Requests > 0 ? ToolCpuSeconds * 1000 / Requests : null;

    /// <summary>When the last of the pools was first refused as sold out, once all of them were.</summary>
    public double? AllSoldOutAt => Pools.Count > 0 && Pools.All(p => p.SoldOutAt is not null) ? Pools.Max(p => p.SoldOutAt) : null;

    /// <summary>This run with the counts, latency and timeline of what <paramref name="recorder"/> holds.</summary>
    public RunSummary Measured(Recorder recorder)
    {
        var latency = recorder.Latency();
        var outcomes = recorder.ByOutcome();
        var arrivals = recorder.Arrivals();
        var inFlight = recorder.InFlight();
        var last = latency.Select(l => l.Second).Concat(arrivals.Keys).Concat(inFlight.Keys).DefaultIfEmpty(-1).Max();
        var bySecond = latency.ToLookup(l => l.Second);
        var timeline = Enumerable.Range(0, last + 1).Select(second =>
        {
            var answers = bySecond[second].ToList();
            var all = answers.Count == 0 ? null : Recorder.Sum(answers.Select(a => a.Latency));
            return new SecondFigures(
                second,
                arrivals.GetValueOrDefault(second),
                inFlight.TryGetValue(second, out var sent) ? sent : null,
                answers.ToDictionary(a => a.Outcome, a => a.Latency.TotalCount, StringComparer.Ordinal),
                Percentile(all, 50),
                Percentile(all, 90),
                Percentile(all, 99));
        }).ToList();

        return this with
        {
            Requests = recorder.Sent,
            Answered = recorder.Answered,
            Errors = outcomes.Where(o => OutcomeFigures.IsErrorOutcome(o.Outcome)).Sum(o => o.Latency.TotalCount),
            PeakSecond = timeline.Select(s => s.Answers.Values.Sum()).DefaultIfEmpty().Max(),
            Latency = LatencyFigures.Of(Recorder.Sum(outcomes.Select(o => o.Latency))),
            Outcomes = [.. outcomes.Select(o => new OutcomeFigures(o.Outcome, o.Latency.TotalCount, LatencyFigures.Of(o.Latency), Distribution(o.Latency)))],
            Timeline = timeline,
            Pools = [.. Pools.Select(p => p with { SoldOutAt = recorder.SoldOutAt.TryGetValue(p.CouponTypeId, out var at) ? at.TotalSeconds : null })],
            Grants = [.. recorder.Grants.OrderBy(g => g.At)],
        };
    }

    private static double? Percentile(HistogramBase? latency, double percentile) => latency is null ? null : latency.GetValueAtPercentile(percentile) / 1000.0;

    // Five points per halving of what is left above, as HdrHistogram's own percentile output: the tail gets as many points as the body.
    private static List<PercentilePoint> Distribution(HistogramBase latency) =>
        [.. latency.Percentiles(5).Select(p => new PercentilePoint(p.PercentileLevelIteratedTo, p.ValueIteratedTo / 1000.0))];
}
