using HdrHistogram;

namespace Claims.LoadTests;

/// <summary>Latency percentiles, the maximum and the mean of a set of answers, in milliseconds from when each request was due.</summary>
public sealed record LatencyFigures(double P50, double P90, double P99, double P999, double Max, double Mean)
{
    public static LatencyFigures Of(HistogramBase latency) => new(
        Millis(latency.GetValueAtPercentile(50)),
        Millis(latency.GetValueAtPercentile(90)),
        Millis(latency.GetValueAtPercentile(99)),
        Millis(latency.GetValueAtPercentile(99.9)),
        Millis(latency.GetMaxValue()),
        latency.TotalCount == 0 ? 0 : latency.GetMean() / 1000.0);

    private static double Millis(long micros) => micros / 1000.0;
}
