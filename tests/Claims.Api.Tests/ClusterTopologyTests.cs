using System.Text.Json;
using Claims.Silo.Storage.Postgres;
using Claims.Silo.Tests;
using StackExchange.Redis;

namespace Claims.Api.Tests;

/// <summary>
/// The deployments besides one process: membership kept in Redis, and API nodes that are Orleans
/// clients of silo-only nodes. Each claim of a small rush goes through either entry node to the
/// one activation of the pool, so at least one node reaches a grain on another silo; the stock
/// is granted exactly and every wallet is read back through the other node.
/// </summary>
public sealed class ClusterTopologyTests
{
    // More than either node's half of the residents, so both nodes' claims must be granted some.
    private const int Stock = 60;
    private const int Residents = 100;

    [Fact]
    public async Task TwoNodesWithMembershipInRedisShareOnePoolExactly()
    {
        var redis = Environment.GetEnvironmentVariable("CLAIMS_TEST_REDIS");
        Assert.SkipWhen(string.IsNullOrEmpty(redis), "CLAIMS_TEST_REDIS is not set: run the tests with scripts/test.sh, which starts Redis.");
        await using var database = await TestDatabase.CreateAsync();
        await PostgresSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken);
        var settings = NodeSettings.OnPostgres(database.ConnectionString, membership: "Redis");
        settings["Cluster:Redis"] = redis!;
        await using var first = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        await using var second = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);

        await ClaimThroughBothAsync(first, second);

        // The membership is Redis's, not the database's: the cluster's entry names both silos.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis!);
        var server = connection.GetServer(connection.GetEndPoints().Single());
        var entries = await server.KeysAsync(pattern: $"*{settings["Cluster:ClusterId"]}*").ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(entries);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM OrleansMembershipTable"));
    }

    [Fact]
    public async Task ApiNodesAsOrleansClientsServeClaimsFromSiloOnlyNodes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await PostgresSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken);
        var settings = NodeSettings.OnPostgres(database.ConnectionString);
        await using var silo1 = await ClaimsProcess.StartSiloAsync(Path.GetTempPath(), settings);
        await using var silo2 = await ClaimsProcess.StartSiloAsync(Path.GetTempPath(), settings);
        var clientSettings = new Dictionary<string, string>(settings) { ["Cluster:HostSilo"] = "false" };
        await using var api1 = await ClaimsProcess.StartAsync(Path.GetTempPath(), clientSettings);
        await using var api2 = await ClaimsProcess.StartAsync(Path.GetTempPath(), clientSettings);

        await ClaimThroughBothAsync(api1, api2);

        // Two silos joined; the API nodes are clients, not members.
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM OrleansMembershipTable WHERE Status = 3"));

        // A client-only API node serves the dashboard from the silos' figures.
        using var operatorClient = api1.ClientFor(TestTokens.Operator());
        using var counters = await operatorClient.GetAsync("/dashboard/DashboardCounters", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
    }

    private static async Task ClaimThroughBothAsync(ClaimsProcess first, ClaimsProcess second)
    {
        using var operatorClient = first.ClientFor(TestTokens.Operator());
        var campaign = ApiCampaigns.Open(stock: Stock);
        (await operatorClient.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var answers = await Task.WhenAll(Enumerable.Range(0, Residents).Select(async i =>
        {
            using var client = (i % 2 == 0 ? first : second).ClientFor(TestTokens.Resident($"r-{i}"));
            using var response = await client.ClaimAsync(campaign.Id, "market-10-50");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            return (Resident: $"r-{i}", Entry: i % 2, response.StatusCode, Value: body.GetProperty(response.StatusCode == HttpStatusCode.Created ? "couponId" : "code").GetString()!);
        }));

        var granted = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(Stock, granted.Count);
        Assert.All(answers.Except(granted), a => Assert.Equal((HttpStatusCode.Conflict, "sold_out"), (a.StatusCode, a.Value)));
        Assert.Equal(2, granted.Select(a => a.Entry).Distinct().Count());
        foreach (var grant in granted)
        {
            using var client = (grant.Entry == 0 ? second : first).ClientFor(TestTokens.Resident(grant.Resident));
            var wallet = await client.GetFromJsonAsync<JsonElement>("/me/coupons", TestContext.Current.CancellationToken);
            Assert.Equal([grant.Value], wallet.EnumerateArray().Select(c => c.GetProperty("couponId").GetString()));
        }
    }
}
