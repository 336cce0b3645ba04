using Claims.Api.Tests.Histories;
using Npgsql;

namespace Claims.Api.Tests.Faults;

/// <summary>
/// A rush with redemptions and refunds on two co-hosted nodes on PostgreSQL while the network, a
/// node or the database misbehaves, each judged from its history: nothing granted past the stock
/// or twice, nothing acknowledged lost, every uncertain answer resolved by its retry.
/// </summary>
public sealed class ClusterFaultTests
{
    private const int Stock = 3_000;
    private const int Residents = 10_000;

    [Fact]
    public async Task ANodePausedPastItsDeathWakesWithoutWritingWhatItsSuccessorsContradict()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var cluster = await PostgresCluster.StartAsync(server.ConnectionString);
        var (sleeper, survivor) = (cluster[0], cluster[1]);
        var (calls, rush) = await FaultRun.OpenAsync(survivor, Stock, Residents);

        await rush.RunAsync(i => ApiNode.Of(i % 2 == 0 ? sleeper : survivor), ApiNode.Of(survivor), async () =>
        {
            await sleeper.PauseAsync();
            await WaitUntilDeclaredDeadAsync(server.ConnectionString, cluster.Settings, sleeper.SiloPort);
            await sleeper.ResumeAsync();
        });

        // Woken, it finds itself dead in the membership table and stops instead of serving on.
        Assert.True(await sleeper.ExitsWithinAsync(TimeSpan.FromSeconds(60)), sleeper.RecentOutput);
        await cluster.AssertHeldAsync(calls, survivor);
    }

    [Fact]
    public async Task ANodeCutOffByThePartitionIsDeclaredDeadAndTheRestGrantExactly()
    {
        await using var network = await NetworkNamespace.CreateAsync();
        await using var server = await PostgresServer.StartAsync(listenAddress: "*");
        var database = server.ConnectionStringAt(network.OuterAddress);
        await using var cluster = await PostgresCluster.StartAsync(database, nodes: 0);
        var majority = await cluster.AddAsync(new Dictionary<string, string> { ["Cluster:AdvertisedAddress"] = network.OuterAddress });
        var isolated = await cluster.AddAsync(new Dictionary<string, string> { ["Cluster:AdvertisedAddress"] = network.InnerAddress }, network);
        var (calls, rush) = await FaultRun.OpenAsync(majority, Stock, Residents);

        await rush.RunAsync(i => ApiNode.Of(i % 2 == 0 ? isolated : majority), ApiNode.Of(majority), async () =>
        {
            await network.CutAsync();
            await WaitUntilDeclaredDeadAsync(database, cluster.Settings, isolated.SiloPort);
            await network.HealAsync();
        });

        Assert.True(await isolated.ExitsWithinAsync(TimeSpan.FromSeconds(60)), isolated.RecentOutput);
        await cluster.AssertHeldAsync(calls, majority);
    }

    [Fact]
    public async Task AStalledDatabaseIsAnsweredWith503sThatSayWhenToRetryAndLosesNothing()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var cluster = await PostgresCluster.StartAsync(server.ConnectionString);
        var (first, second) = (cluster[0], cluster[1]);
        var (calls, rush) = await FaultRun.OpenAsync(first, Stock, Residents);
        var stalled = (From: DateTimeOffset.MaxValue, To: DateTimeOffset.MaxValue);

        await rush.RunAsync(i => ApiNode.Of(i % 2 == 0 ? first : second), ApiNode.Of(first), async () =>
        {
            stalled.From = DateTimeOffset.UtcNow;
            await server.StallAsync();
            await Task.Delay(TimeSpan.FromSeconds(20));
            await server.ResumeAsync();
            stalled.To = DateTimeOffset.UtcNow;
        });

        // While the database answered nothing, every request still got an answer before the
        // client's patience ran out: back-pressure, not a pile of hanging requests.
        var during = calls.History.Operations.Where(o => o.Sent >= stalled.From && o.Sent < stalled.To).ToList();
        Assert.Contains(during, o => o.Status == 503);
        var unanswered = during.Where(o => o.Status == 0).ToList();
        Assert.True(unanswered.Count == 0, $"{unanswered.Count} of {during.Count} requests sent during the stall got no answer in {HistoryCalls.Patience}, the first {unanswered.FirstOrDefault()}\n{first.RecentOutput}\n{second.RecentOutput}");
        await cluster.AssertHeldAsync(calls, second);
    }

    // The membership table's row for the silo on that port, status 6: declared dead.
    private static async Task WaitUntilDeclaredDeadAsync(string connectionString, IReadOnlyDictionary<string, string> settings, int siloPort)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (DateTime.UtcNow < deadline)
        {
            await using var query = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @cluster AND port = @port AND status = 6", connection);
            query.Parameters.AddWithValue("cluster", settings["Cluster:ClusterId"]);
            query.Parameters.AddWithValue("port", siloPort);
            if ((long)(await query.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"The silo on port {siloPort} was not declared dead within two minutes.");
    }
}
