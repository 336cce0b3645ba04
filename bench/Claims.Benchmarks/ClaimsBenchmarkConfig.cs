using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Claims.Benchmarks;

/// <summary>
/// A short job: each iteration is a burst of thousands of concurrent calls, so a few iterations
/// give a stable figure and the whole run takes a few minutes. The benchmarks share one process,
/// and the first bursts still run code the JIT has not optimised yet: hence five warmups.
/// </summary>
public class ClaimsBenchmarkConfig : ManualConfig
{
    public ClaimsBenchmarkConfig()
        : this(nameof(ClaimsBenchmarks.RawHotGrainCall), nameof(ClaimsBenchmarks.ClaimPathInMemory), nameof(ClaimsBenchmarks.ClaimPathSqlite))
    {
    }

    /// <summary>The same job, with a ratio column against each of <paramref name="baselines"/>.</summary>
    protected ClaimsBenchmarkConfig(params string[] baselines)
    {
        // In-process: the benchmark hosts the silo itself, and a generated child project would
        // have to be built again with this repository's strict analyzers on a 2-core machine.
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(10)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn([StatisticColumn.OperationsPerSecond, .. baselines.Select(b => new ThroughputRatioColumn(b))]);
    }
}
