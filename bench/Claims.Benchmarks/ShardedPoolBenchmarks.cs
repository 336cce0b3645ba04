using Claims.Silo.Storage;

namespace Claims.Benchmarks;

/// <summary>
/// Grants per second on one coupon type whose pool is whole or split into shards: the same
/// burst as <see cref="ClaimsBenchmarks"/>, every claim on the one type. With one shard every
/// grant of the type queues at one grain; split, the shards decide and store in parallel.
/// </summary>
[Config(typeof(ShardedPoolBenchmarkConfig))]
public class ShardedPoolBenchmarks
{
    private BenchSilo? _silo;
    private string? _dataDirectory;
    private ClaimBurst _burst = null!;

    [Params(1, 4)]
    public int Shards { get; set; }

    [Params(StorageProvider.Memory, StorageProvider.Sqlite)]
    public StorageProvider Storage { get; set; }

    [GlobalSetup]
    public async Task StartAsync()
    {
        _dataDirectory = Storage == StorageProvider.Sqlite ? Path.Combine(Path.GetTempPath(), $"claims-bench-{Guid.NewGuid():N}") : null;
        _silo = await BenchSilo.StartAsync(Storage, _dataDirectory);
        await ClaimBurst.WarmUpAsync(_silo, Shards);
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        await _silo!.DisposeAsync();
        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [IterationSetup]
    public void CreateCampaign() => _burst = ClaimBurst.Prepare(_silo!, Shards);

    [IterationCleanup]
    public void CollectActivations() =>
        _silo!.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = ClaimBurst.Operations)]
    public Task GrantsOnOneType() => _burst.RunAsync();
}
