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
        var (campaign, rush) = await OpenCampaignAsync(survivor);

        await rush.RunAsync(i => i % 2 == 0 ? doomed : survivor, survivor, doomed.KillAsync);

        await rush.AssertConsistentAsync(survivor, () => JournalCouponIdsAsync(database.ConnectionString, campaign));
    }

    [Fact]
    public async Task ARushOnTwoNodesSurvivesACrashAndRestartOfPostgresWithoutOversellingOrLosingAGrant()
    {
        await using var server = await PostgresServer.StartAsync();
        await PostgresSchema.ApplyAsync(server.ConnectionString, TestContext.Current.CancellationToken);
        var settings = NodeSettings.OnPostgres(server.ConnectionString);
        await using var first = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        await using var second = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        var (campaign, rush) = await OpenCampaignAsync(first);

        await rush.RunAsync(i => i % 2 == 0 ? first : second, first, server.RestartAsync);

        await rush.AssertConsistentAsync(second, () => JournalCouponIdsAsync(server.ConnectionString, campaign));
    }

    private static async Task<(CampaignDefinition Campaign, ClusterRush Rush)> OpenCampaignAsync(ClaimsProcess node)
    {
        using var operatorClient = node.ClientFor(TestTokens.Operator());
        var campaign = ApiCampaigns.Open(stock: Stock);
        (await operatorClient.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return (campaign, new ClusterRush(campaign.Id, Stock, Residents));
    }

    private static async Task<IReadOnlyList<string>> JournalCouponIdsAsync(string connectionString, CampaignDefinition campaign) =>
        LedgerRows.ClaimedCouponIds(await LedgerRows.ReadPostgresAsync(connectionString, campaign));
}
