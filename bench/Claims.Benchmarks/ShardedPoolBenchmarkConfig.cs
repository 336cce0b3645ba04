namespace Claims.Benchmarks;

/// <summary>The claim benchmarks' job, without their baseline columns: the table compares shard counts.</summary>
public sealed class ShardedPoolBenchmarkConfig : ClaimsBenchmarkConfig
{
    public ShardedPoolBenchmarkConfig()
        : base([])
    {
    }
}
