using Claims.Api.Tests.Histories;
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
        await using var cluster = await PostgresCluster.StartAsync(database.ConnectionString);
        var (doomed, survivor) = (cluster[0], cluster[1]);
        var (calls, rush) = await FaultRun.OpenAsync(survivor, Stock, Residents);

        await rush.RunAsync(i => ApiNode.Of(i % 2 == 0 ? doomed : survivor), ApiNode.Of(survivor), doomed.KillAsync);

        await cluster.AssertHeldAsync(calls, survivor);
    }

    [Fact]
    public async Task ARushOnTwoNodesSurvivesACrashAndRestartOfPostgresWithoutOversellingOrLosingAGrant()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var cluster = await PostgresCluster.StartAsync(server.ConnectionString);
        var (first, second) = (cluster[0], cluster[1]);
        var (calls, rush) = await FaultRun.OpenAsync(first, Stock, Residents);

        await rush.RunAsync(i => ApiNode.Of(i % 2 == 0 ? first : second), ApiNode.Of(first), server.RestartAsync);

        await cluster.AssertHeldAsync(calls, second);
    }
}
