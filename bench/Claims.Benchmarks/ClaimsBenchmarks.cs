using Claims.Silo.Storage;

namespace Claims.Benchmarks;

/// <summary>
/// The cost of a claim against the cost of a bare grain call, each measured as a burst of
/// <see cref="Operations"/> concurrent calls into a silo hosted in this process.
/// </summary>
[Config(typeof(ClaimsBenchmarkConfig))]
public class ClaimsBenchmarks
{
    public const int Operations = ClaimBurst.Operations;

    private const int InFlight = 64;

    // A burst of bare calls drains in milliseconds: repeat it so an iteration outlasts a GC pause.
    private const int HotBursts = 10;

    private BenchSilo? _silo;
    private string? _dataDirectory;
    private IHotGrain _hot = null!;
    private ClaimBurst _burst = null!;

    [GlobalSetup(Target = nameof(RawHotGrainCall))]
    public async Task StartForHotGrainAsync()
    {
        _silo = await BenchSilo.StartAsync(StorageProvider.Memory);
        _hot = _silo.Grains.GetGrain<IHotGrain>(0);
        await _hot.PingAsync(0);
    }

    [GlobalSetup(Target = nameof(ClaimPathInMemory))]
    public async Task StartInMemoryAsync()
    {
        _silo = await BenchSilo.StartAsync(StorageProvider.Memory);
        await ClaimBurst.WarmUpAsync(_silo);
    }

    [GlobalSetup(Target = nameof(ClaimPathSqlite))]
    public Task StartOnSqliteAsync() => StartOnSqliteAsync(inFlight: null);

    [GlobalSetup(Target = nameof(ClaimPathSqliteAt64InFlight))]
    public Task StartOnSqliteFor64InFlightAsync() => StartOnSqliteAsync(inFlight: InFlight);

    [GlobalSetup(Target = nameof(DirectClaimPathSqlite))]
    public Task StartOnSqliteForDirectAsync() => StartOnSqliteAsync(inFlight: null, BenchCampaigns.DirectCouponTypeId);

    [GlobalSetup(Target = nameof(DirectClaimPathSqliteAt64InFlight))]
    public Task StartOnSqliteForDirectAt64InFlightAsync() => StartOnSqliteAsync(inFlight: InFlight, BenchCampaigns.DirectCouponTypeId);

    [GlobalCleanup]
    public async Task StopAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
            _silo = null;
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    // A fresh campaign per burst, so every claim activates a new quota grain and is granted.
    [IterationSetup(Targets = [nameof(ClaimPathInMemory), nameof(ClaimPathSqlite), nameof(ClaimPathSqliteAt64InFlight)])]
    public void CreateCampaign() => _burst = ClaimBurst.Prepare(_silo!);

    [IterationSetup(Targets = [nameof(DirectClaimPathSqlite), nameof(DirectClaimPathSqliteAt64InFlight)])]
    public void CreateDirectCampaign() => _burst = ClaimBurst.Prepare(_silo!, couponTypeId: BenchCampaigns.DirectCouponTypeId);

    // Earlier bursts' grains would otherwise pile up in the activation directory and slow later ones.
    [IterationCleanup(Targets = [nameof(ClaimPathInMemory), nameof(ClaimPathSqlite), nameof(ClaimPathSqliteAt64InFlight), nameof(DirectClaimPathSqlite), nameof(DirectClaimPathSqliteAt64InFlight)])]
    public void CollectActivations() =>
        _silo!.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Operations * HotBursts)]
    public async Task RawHotGrainCall()
    {
        var calls = new Task<int>[Operations];
        for (var burst = 0; burst < HotBursts; burst++)
        {
            for (var i = 0; i < calls.Length; i++)
            {
                calls[i] = _hot.PingAsync(i);
            }

            await Task.WhenAll(calls);
        }
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task ClaimPathInMemory() => _burst.RunAsync();

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task ClaimPathSqlite() => _burst.RunAsync();

    // The same claims as a rush's 64 connections send them: 64 in flight, each next one sent when
    // the last is answered, so batches are only as deep as that.
    [Benchmark(OperationsPerInvoke = Operations)]
    public Task ClaimPathSqliteAt64InFlight() => _burst.RunInFlightAsync(InFlight);

    // The claim straight to its pool, as the yardstick's one-type campaign is claimed over HTTP.
    [Benchmark(OperationsPerInvoke = Operations)]
    public Task DirectClaimPathSqlite() => _burst.RunAsync();

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task DirectClaimPathSqliteAt64InFlight() => _burst.RunInFlightAsync(InFlight);

    private async Task StartOnSqliteAsync(int? inFlight, string couponTypeId = BenchCampaigns.CouponTypeId)
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"claims-bench-{Guid.NewGuid():N}");
        _silo = await BenchSilo.StartAsync(StorageProvider.Sqlite, _dataDirectory);
        await ClaimBurst.WarmUpAsync(_silo, inFlight: inFlight, couponTypeId: couponTypeId);
    }
}
