using Claims.Api.Tests.Faults;
using Claims.Api.Tests.Histories;
using Claims.Silo.Storage.Postgres;

namespace Claims.Api.Tests;

/// <summary>
/// Real nodes (silo and API in one process each) sharing one PostgreSQL database with Claims'
/// schema, a fresh cluster id, stopped together; the run's history is judged against what the
/// database's journals hold.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly List<ClaimsProcess> _nodes = [];

    private PostgresCluster(string connectionString)
    {
        _connectionString = connectionString;
        Settings = NodeSettings.OnPostgres(connectionString);
    }

    /// <summary>What every node is started with.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public ClaimsProcess this[int node] => _nodes[node];

    /// <summary>Applies the schema to <paramref name="connectionString"/>'s database and starts <paramref name="nodes"/> nodes on it, one after the other.</summary>
    public static async Task<PostgresCluster> StartAsync(string connectionString, int nodes = 2)
    {
        await PostgresSchema.ApplyAsync(connectionString, TestContext.Current.CancellationToken);
        var cluster = new PostgresCluster(connectionString);
        for (var i = 0; i < nodes; i++)
        {
            await cluster.AddAsync();
        }

        return cluster;
    }

    /// <summary>Starts one more node, with <paramref name="overrides"/> on top of <see cref="Settings"/>, inside a network namespace or with an environment of its own.</summary>
    public async Task<ClaimsProcess> AddAsync(IReadOnlyDictionary<string, string>? overrides = null, NetworkNamespace? inside = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var settings = new Dictionary<string, string>(Settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var node = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings, inside, environment);
        _nodes.Add(node);
        return node;
    }

    // The coupons the pools' journals in the database granted, one entry per grant.
    private async Task<IReadOnlyList<string>> JournalCouponIdsAsync(CampaignDefinition campaign) =>
        LedgerRows.ClaimedCouponIds(await LedgerRows.ReadPostgresAsync(_connectionString, campaign));

    /// <summary>The history judged through <paramref name="through"/>, failing with every node's recent log.</summary>
    public Task<HistoryVerdict> AssertHeldAsync(HistoryCalls calls, ClaimsProcess through) =>
        FaultRun.AssertHeldAsync(calls, through, () => JournalCouponIdsAsync(calls.Campaign), [.. _nodes]);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(_nodes))
        {
            await node.DisposeAsync();
        }
    }
}
