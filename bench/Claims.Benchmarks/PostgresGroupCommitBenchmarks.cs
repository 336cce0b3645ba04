using Claims.Contracts;
using Claims.Contracts.Pools;
using Claims.Silo.Storage;
using Claims.Silo.Storage.Postgres;
using Npgsql;

namespace Claims.Benchmarks;

/// <summary>
/// What group commit buys on PostgreSQL: grants per second on one pool, each durable before it
/// is answered (ledger included), against the commits per second one client gets with a
/// single-row insert per transaction, the way a naive claim would store each grant. The pool is
/// measured alone, called as the quota grains call it in a rush, and behind the whole claim path
/// (dispatcher and quota grains, which on two cores cap the rate before the store does). Needs the
/// server named by <c>CLAIMS_BENCH_POSTGRES</c>; <c>scripts/bench-postgres.sh</c> starts a
/// throwaway one and runs this.
/// </summary>
[Config(typeof(PostgresBenchmarkConfig))]
public class PostgresGroupCommitBenchmarks
{
    public const int Commits = 1_000;

    // The quota grains' batches in a rush: one call per shard in flight, each carrying the
    // residents that gathered meanwhile.
    private const int BatchSize = 32;

    private BenchSilo? _silo;
    private ClaimBurst _burst = null!;
    private IPoolGrain _pool = null!;
    private PoolGrantRequest[][] _shards = [];
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insert;

    private static string ConnectionString =>
        Environment.GetEnvironmentVariable("CLAIMS_BENCH_POSTGRES") is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException("Set CLAIMS_BENCH_POSTGRES to a PostgreSQL database, or run scripts/bench-postgres.sh.");

    [GlobalSetup(Targets = [nameof(PoolGrantsOnPostgres), nameof(ClaimPathOnPostgres)])]
    public async Task StartSiloAsync()
    {
        await PostgresSchema.ApplyAsync(ConnectionString);
        _silo = await BenchSilo.StartAsync(StorageProvider.Postgres, connectionString: ConnectionString);
        await ClaimBurst.WarmUpAsync(_silo);
    }

    [GlobalSetup(Target = nameof(SingleRowCommits))]
    public async Task OpenConnectionAsync()
    {
        _connection = new NpgsqlConnection(ConnectionString);
        await _connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS BenchCommits (Id bigserial PRIMARY KEY, UserId text NOT NULL, RequestKey text NOT NULL)", _connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        _insert = new NpgsqlCommand("INSERT INTO BenchCommits (UserId, RequestKey) VALUES ($1, $2)", _connection)
        {
            Parameters = { new() { Value = "" }, new() { Value = "" } },
        };
        await _insert.PrepareAsync();
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
            _silo = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    [IterationSetup(Target = nameof(PoolGrantsOnPostgres))]
    public void CreatePool()
    {
        var campaign = BenchCampaigns.Create(_silo!, stockPerType: ClaimBurst.Operations);
        _pool = _silo!.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", BenchCampaigns.CouponTypeId));
        _shards = [.. Enumerable.Range(0, ClaimBurst.Operations)
            .Select(i => $"resident-{i}")
            .GroupBy(QuotaShards.Of)
            .Select(shard =>
            {
                var fence = Guid.NewGuid();
                return shard.Select(userId => new PoolGrantRequest(userId, $"req-{userId}", fence)).ToArray();
            })];
    }

    [IterationSetup(Target = nameof(ClaimPathOnPostgres))]
    public void CreateCampaign() => _burst = ClaimBurst.Prepare(_silo!);

    [IterationCleanup(Targets = [nameof(PoolGrantsOnPostgres), nameof(ClaimPathOnPostgres)])]
    public void CollectActivations() =>
        _silo!.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = ClaimBurst.Operations)]
    public async Task PoolGrantsOnPostgres()
    {
        var outcomes = await Task.WhenAll(_shards.Select(async shard =>
        {
            var answers = new List<ClaimOutcome>(shard.Length);
            foreach (var batch in shard.Chunk(BatchSize))
            {
                answers.AddRange(await _pool.GrantAsync(batch));
            }

            return answers;
        }));
        ClaimBurst.ThrowUnlessAllGranted([.. outcomes.SelectMany(o => o)]);
    }

    [Benchmark(OperationsPerInvoke = ClaimBurst.Operations)]
    public Task ClaimPathOnPostgres() => _burst.RunAsync();

    // One client, one row per transaction, each commit awaited before the next: autocommit.
    [Benchmark(OperationsPerInvoke = Commits)]
    public async Task SingleRowCommits()
    {
        for (var i = 0; i < Commits; i++)
        {
            _insert!.Parameters[0].Value = $"resident-{i}";
            _insert.Parameters[1].Value = $"req-{i}";
            await _insert.ExecuteNonQueryAsync();
        }
    }
}
