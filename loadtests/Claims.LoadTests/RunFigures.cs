namespace Claims.LoadTests;

/// <summary>The named figures of a run, in the order <c>compare</c> shows them; thresholds look theirs up here.</summary>
public static class RunFigures
{
    /// <summary>The latency statistics each outcome has, after its name (<c>sold_out.p99</c>).</summary>
    public static readonly string[] LatencyStatistics = ["p50", "p90", "p99", "p99.9", "max", "mean"];

    /// <summary>The figures of a whole run, whatever its outcomes.</summary>
    public static readonly string[] RunNames =
        ["requests", "answered", "errors", "throughput", "peak", .. LatencyStatistics, "all_sold_out", "server.cpu_per_request", "server.memory", "tool.cpu_per_request", "invariants"];

    public static IReadOnlyList<RunFigure> Of(RunSummary run)
    {
        var figures = new List<RunFigure>
        {
            new("requests", run.Requests, FigureKind.Count, null),
            new("answered", run.Answered, FigureKind.Count, null),
            new("errors", run.Errors, FigureKind.Count, true),
            new("throughput", run.Seconds > 0 ? run.Answered / run.Seconds : null, FigureKind.PerSecond, false),
            new("peak", run.PeakSecond, FigureKind.PerSecond, false),
        };
        figures.AddRange(Latency("", run.Latency));
        foreach (var outcome in run.Outcomes)
        {
            figures.Add(new($"{outcome.Name}.count", outcome.Count, FigureKind.Count, outcome.IsError ? true : null));
            figures.AddRange(Latency($"{outcome.Name}.", outcome.Latency));
        }

        figures.Add(new("all_sold_out", run.AllSoldOutAt * 1000, FigureKind.Millis, true));
        figures.AddRange(run.Pools.Select(p => new RunFigure($"sold_out_at.{p.CouponTypeId}", p.SoldOutAt * 1000, FigureKind.Millis, true)));
        figures.Add(new("server.cpu_per_request", run.ServerCpuPerRequestMillis, FigureKind.Millis, true));
        figures.Add(new("server.memory", run.ServerPeakBytes, FigureKind.Bytes, true));
        figures.Add(new("tool.cpu_per_request", run.ToolCpuPerRequestMillis, FigureKind.Millis, true));
        figures.Add(new("invariants", run.Violations.Count, FigureKind.Count, true));
        return figures;
    }

    private static IEnumerable<RunFigure> Latency(string prefix, LatencyFigures latency)
    {
        double[] values = [latency.P50, latency.P90, latency.P99, latency.P999, latency.Max, latency.Mean];
        return LatencyStatistics.Zip(values, (name, value) => new RunFigure(prefix + name, value, FigureKind.Millis, true));
    }
}
