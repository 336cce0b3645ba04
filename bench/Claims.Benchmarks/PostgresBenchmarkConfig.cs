namespace Claims.Benchmarks;

/// <summary>The claims job, with grants per second shown as a multiple of single-row commits per second.</summary>
public sealed class PostgresBenchmarkConfig() : ClaimsBenchmarkConfig(nameof(PostgresGroupCommitBenchmarks.SingleRowCommits));
