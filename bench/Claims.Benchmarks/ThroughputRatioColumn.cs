using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Claims.Benchmarks;

/// <summary>
/// Operations per second of each benchmark as a share of another's, the form our throughput goals
/// take (a claim at 25% of a bare grain call). BenchmarkDotNet's own ratio divides times, and only
/// within one job.
/// </summary>
public sealed class ThroughputRatioColumn(string baselineMethod) : IColumn
{
    public string Id => $"{nameof(ThroughputRatioColumn)}.{baselineMethod}";

    public string ColumnName => $"Op/s vs {baselineMethod}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Operations per second as a share of {baselineMethod}'s";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        OperationsPerSecond(summary, benchmarkCase) is { } value
        && summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.WorkloadMethod.Name == baselineMethod) is { } baseline
        && OperationsPerSecond(summary, baseline) is { } baselineValue
            ? (value / baselineValue).ToString("P1")
            : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    private static double? OperationsPerSecond(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } statistics ? 1e9 / statistics.Mean : null;
}
