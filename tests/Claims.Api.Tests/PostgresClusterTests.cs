using Claims.Api.Tests.Histories;
using Claims.Silo.Storage.Postgres;
using Claims.Silo.Tests;

namespace Claims.Api.Tests;

/// <summary>Two co-hosted nodes (silo and API) on one PostgreSQL database, as real processes, under a rush while one of them, or the database, crashes.</summary>
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
        var (calls, rush) = await FaultRun.OpenAsync(survivor, Stock, Residents);

        await rush.RunAsync(i => ApiNode.Of(i % 2 == 0 ? doomed : survivor), ApiNode.Of(survivor), doomed.KillAsync);

        await FaultRun.AssertHeldAsync(calls, survivor, () => JournalCouponIdsAsync(database.ConnectionString, calls.Campaign), doomed, survivor);
    }

    [Fact]
    public async Task ARushOnTwoNodesSurvivesACrashAndRestartOfPostgresWithoutOversellingOrLosingAGrant()
    {
        await using var server = await PostgresServer.StartAsync();
        await PostgresSchema.ApplyAsync(server.ConnectionString, TestContext.Current.CancellationToken);
        var settings = NodeSettings.OnPostgres(server.ConnectionString);
        await using var first = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        await using var second = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        var (calls, rush) = await FaultRun.OpenAsync(first, Stock, Residents);

        await rush.RunAsync(i => ApiNode.Of(i % 2 == 0 ? first : second), ApiNode.Of(first), server.RestartAsync);

        await FaultRun.AssertHeldAsync(calls, second, () => JournalCouponIdsAsync(server.ConnectionString, calls.Campaign), first, second);
    }

    /// <summary>The coupons the pools' journals in the database granted, one entry per grant.</summary>
    public static async Task<IReadOnlyList<string>> JournalCouponIdsAsync(string connectionString, CampaignDefinition campaign) =>
        LedgerRows.ClaimedCouponIds(await LedgerRows.ReadPostgresAsync(connectionString, campaign));
}
