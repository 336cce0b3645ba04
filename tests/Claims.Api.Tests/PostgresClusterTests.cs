using Claims.Silo.Storage.Postgres;
using Claims.Silo.Tests;

namespace Claims.Api.Tests;

/// <summary>Two co-hosted nodes (silo and API) on one PostgreSQL database, as real processes, under a rush while something breaks.</summary>
public sealed class PostgresClusterTests
{
    private const int Stock = 3_000;
    private const int Residents = 10_000;

    [Fact]
    public async Task ARushOnTwoNodesSurvivesTheKillOfOneWithoutOversellingOrLosingAGrant()
    {
        await using var database = await TestDatabase.CreateAsync();
        await PostgresSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken);
        var settings = NodeSettings.OnPostgres(database.ConnectionString);
        await using var doomed = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        await using var survivor = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        var rush = await OpenCampaignAsync(survivor);

        await rush.RunAsync(i => i % 2 == 0 ? doomed : survivor, survivor, doomed.KillAsync);

        await rush.AssertConsistentAsync(survivor, () => LedgerClaimsAsync(database.ConnectionString));
    }

    [Fact]
    public async Task ARushOnTwoNodesSurvivesACrashAndRestartOfPostgresWithoutOversellingOrLosingAGrant()
    {
        await using var server = await PostgresServer.StartAsync();
        await PostgresSchema.ApplyAsync(server.ConnectionString, TestContext.Current.CancellationToken);
        var settings = NodeSettings.OnPostgres(server.ConnectionString);
        await using var first = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        await using var second = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        var rush = await OpenCampaignAsync(first);

        await rush.RunAsync(i => i % 2 == 0 ? first : second, first, server.RestartAsync);

        await rush.AssertConsistentAsync(second, () => LedgerClaimsAsync(server.ConnectionString));
    }

    private static async Task<ClusterRush> OpenCampaignAsync(ClaimsProcess node)
    {
        using var operatorClient = node.ClientFor(TestTokens.Operator());
        var campaign = ApiCampaigns.Open(stock: Stock);
        (await operatorClient.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return new ClusterRush(campaign.Id, Stock, Residents);
    }

    private static async Task<long> LedgerClaimsAsync(string connectionString)
    {
        // Unpooled: a pooled connection from before a restart of the server would be broken.
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM ClaimsLedger WHERE Kind = 'CouponClaimed'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
