using Claims.Api.Tests.Histories;
using Microsoft.Data.Sqlite;

namespace Claims.Api.Tests.Faults;

/// <summary>
/// A rush with redemptions and refunds on the embedded default (one process, SQLite) while its
/// disk fills up, judged from its history after a restart on the same database.
/// </summary>
public sealed class EmbeddedFaultTests
{
    [Fact]
    public async Task AFullDiskAnswers503sLosesNothingAcknowledgedAndClaimsSucceedOnceItIsFreed()
    {
        await using var disk = await SmallFilesystem.MountAsync(mebibytes: 48);
        var full = (From: DateTimeOffset.MaxValue, To: DateTimeOffset.MaxValue);
        HistoryCalls calls;
        await using (var node = await ClaimsProcess.StartAsync(disk.Path))
        {
            (calls, var rush) = await FaultRun.OpenAsync(node, stock: 1_000, residents: 3_000);
            await rush.RunAsync(_ => ApiNode.Of(node), ApiNode.Of(node), async () =>
            {
                full.From = DateTimeOffset.UtcNow;
                await disk.FillAsync();
                await Task.Delay(TimeSpan.FromSeconds(10));
                disk.Free();
                full.To = DateTimeOffset.UtcNow;
            });

            var whileFull = calls.History.Operations.Where(o => o.Sent > full.From && o.Answered < full.To).ToList();
            Assert.Contains(whileFull, o => o.Status == 503);
            Assert.Contains(calls.History.Operations, o => o is { Kind: OperationKind.Claim, Outcome: OperationOutcome.Done } && o.Sent > full.To);
            await node.KillAsync();
        }

        var database = Path.Combine(disk.Path, "claims.db");
        Assert.Equal("ok", IntegrityCheck(database));
        await using var restarted = await ClaimsProcess.StartAsync(disk.Path);
        await FaultRun.AssertHeldAsync(calls, restarted, () => Task.FromResult(LedgerRows.ClaimedCouponIds(LedgerRows.ReadSqlite(database, calls.Campaign))), restarted);
    }

    private static string IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)check.ExecuteScalar()!;
    }
}
