using Claims.Silo.Storage.Postgres;

namespace Claims.Silo.Tests;

public sealed class PostgresSchemaTests
{
    [Fact]
    public async Task TheSchemaCanBeAppliedTwiceAndByTwoNodesAtOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var start = new Barrier(2);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            await PostgresSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken);
        })));
        await PostgresSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken);

        Assert.Equal(19L, await database.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery"));
        Assert.Equal(6L, await database.ScalarAsync<long>("""
            SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN
            ('orleansquery', 'orleansstorage', 'orleansmembershipversiontable', 'orleansmembershiptable', 'orleansreminderstable', 'claimsledger')
            """));
    }

    [Fact]
    public async Task EveryQueryTheOrleansProvidersLookUpIsThere()
    {
        await using var database = await TestDatabase.CreateAsync();
        await PostgresSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken);

        string[] required =
        [
            "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey", "GatewaysQueryKey",
            "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        foreach (var key in required)
        {
            Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM OrleansQuery WHERE QueryKey = '{key}'"));
        }
    }
}
