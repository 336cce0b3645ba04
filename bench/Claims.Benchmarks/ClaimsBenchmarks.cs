using Claims.Silo.Storage;

namespace Claims.Benchmarks;

/// <summary>
/// The cost of a claim against the cost of a bare grain call, each measured as a burst of
/// <see cref="Operations"/> concurrent calls into a silo hosted in this process.
/// </summary>
[Config(typeof(ClaimsBenchmarkConfig))]
public class ClaimsBenchmarks
{
    public const int Operations = 10_000;

    // A burst of bare calls drains in milliseconds: repeat it so an iteration outlasts a GC pause.
    private const int HotBursts = 10;

    private BenchSilo? _silo;
    private string? _dataDirectory;
    private IHotGrain _hot = null!;
    private CampaignDefinition _campaign = null!;
    private string _scope = "";
    private ClaimDispatcher _claims = null!;

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
        // Without the ledger, as before it existed: the in-memory claim path is the yardstick of the grains alone.
        _silo = await BenchSilo.StartAsync(StorageProvider.Memory, ledger: false);
        _claims = new ClaimDispatcher(_silo.Grains);
    }

    [GlobalSetup(Target = nameof(ClaimPathSqlite))]
    public Task StartOnSqliteAsync() => StartOnSqliteAsync(ledger: true);

    [GlobalSetup(Target = nameof(ClaimPathSqliteWithoutLedger))]
    public Task StartOnSqliteWithoutLedgerAsync() => StartOnSqliteAsync(ledger: false);

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

    // A fresh campaign per burst, so every claim activates a new quota grain and is granted, as in
    // the first minutes of a rush. BenchmarkDotNet only runs void iteration setups.
    [IterationSetup(Targets = [nameof(ClaimPathInMemory), nameof(ClaimPathSqlite), nameof(ClaimPathSqliteWithoutLedger)])]
    public void CreateCampaign()
    {
        var campaign = BenchCampaigns.Open(stockPerType: Operations);
        var creation = _silo!.Grains.GetGrain<ICampaignGrain>(campaign.Id).CreateAsync(campaign).GetAwaiter().GetResult();
        if (creation.Result != CampaignCreationResult.Created)
        {
            throw new InvalidOperationException($"Campaign not created: {creation.Result} {string.Join("; ", creation.Violations.Select(v => $"{v.Path} {v.Code}"))}");
        }

        _campaign = campaign;
        _scope = campaign.QuotaScopeFor(campaign.FindCouponType(BenchCampaigns.CouponTypeId)!);
    }

    // Earlier bursts' grains would otherwise pile up in the activation directory and slow later ones.
    [IterationCleanup(Targets = [nameof(ClaimPathInMemory), nameof(ClaimPathSqlite), nameof(ClaimPathSqliteWithoutLedger)])]
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
    public Task ClaimPathInMemory() => ClaimBurstAsync();

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task ClaimPathSqlite() => ClaimBurstAsync();

    // The same durable path with events only logged: what appending them to the ledger costs.
    [Benchmark(OperationsPerInvoke = Operations)]
    public Task ClaimPathSqliteWithoutLedger() => ClaimBurstAsync();

    private async Task StartOnSqliteAsync(bool ledger)
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"claims-bench-{Guid.NewGuid():N}");
        _silo = await BenchSilo.StartAsync(StorageProvider.Sqlite, _dataDirectory, ledger);
        _claims = new ClaimDispatcher(_silo.Grains);
    }

    private async Task ClaimBurstAsync()
    {
        var claims = new Task<ClaimOutcome>[Operations];
        for (var i = 0; i < claims.Length; i++)
        {
            var request = new ClaimRequest(BenchCampaigns.CouponTypeId, BenchCampaigns.RegionCode, $"req-{i}");
            claims[i] = _claims.ClaimAsync(_campaign.Id, _scope, $"resident-{i}", request);
        }

        var outcomes = await Task.WhenAll(claims);

        // A refusal is cheaper than a grant: count them as failures, not as throughput.
        var refused = outcomes.Where(o => o.Coupon is null).ToList();
        if (refused.Count > 0)
        {
            var reasons = string.Join(", ", refused.GroupBy(o => o.Refusal).Select(g => $"{g.Key} x{g.Count()}"));
            throw new InvalidOperationException($"{refused.Count} of {Operations} claims were refused: {reasons}.");
        }
    }
}
