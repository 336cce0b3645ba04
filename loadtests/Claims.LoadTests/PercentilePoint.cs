namespace Claims.LoadTests;

/// <summary>One point of a latency distribution: <see cref="Percentile"/> percent of the answers took at most <see cref="Millis"/>.</summary>
public sealed record PercentilePoint(double Percentile, double Millis);
