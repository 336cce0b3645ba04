namespace Claims.Benchmarks;

/// <summary>The benchmarks' short job, with no baseline to compare a ranking with.</summary>
public sealed class DrawBenchmarkConfig() : ClaimsBenchmarkConfig([]);
