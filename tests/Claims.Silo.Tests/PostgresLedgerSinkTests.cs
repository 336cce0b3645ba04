using Claims.Silo.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Silo.Tests;

public sealed class PostgresLedgerSinkTests
{
    [Fact]
    public async Task ConcurrentPublishersAreAllRecordedInOrderAndARedeliveryAddsNothing()
    {
        await using var store = await SinkOnNewDatabase.CreateAsync();
        var sink = store.Sink;
        using var start = new Barrier(8);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(publisher => Task.Run(async () =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            for (var batch = 0; batch < 25; batch++)
            {
                await sink.PublishAsync([.. Enumerable.Range(0, 10).Select(i => LedgerSamples.Paused($"{publisher}-{batch}-{i}"))]);
            }
        })));
        await sink.PublishAsync([LedgerSamples.Paused("0-0-0"), LedgerSamples.Paused("7-24-9")]);

        Assert.Equal(2000L, await store.Database.ScalarAsync<long>("SELECT count(*) FROM ClaimsLedger"));
        var events = await sink.ReadAsync("lushan-2023");
        Assert.Equal(2000, events.Count);

        // Each publisher's events come back in the order it published them.
        var firstPublisher = events.Select(e => e.EventId).Where(id => id.StartsWith("status:3-", StringComparison.Ordinal)).ToList();
        Assert.Equal([.. from batch in Enumerable.Range(0, 25) from i in Enumerable.Range(0, 10) select $"status:3-{batch}-{i}"], firstPublisher);
    }

    [Fact]
    public async Task PoolJournalsTakeEachVersionOnceAndReadBackInOrder()
    {
        await using var store = await SinkOnNewDatabase.CreateAsync();

        await JournalChecks.EachVersionIsTakenOnceAndReadsBackInOrderAsync(store.Sink);
    }

    /// <summary>A ledger sink over a throwaway database with the schema applied.</summary>
    private sealed class SinkOnNewDatabase : IAsyncDisposable
    {
        private readonly NpgsqlDataSource _dataSource;

        private SinkOnNewDatabase(TestDatabase database, NpgsqlDataSource dataSource)
        {
            Database = database;
            _dataSource = dataSource;
            Sink = new PostgresLedgerSink(dataSource, LedgerSamples.Serializer, LedgerSamples.Metrics, NullLogger<PostgresLedgerSink>.Instance);
        }

        public TestDatabase Database { get; }

        public PostgresLedgerSink Sink { get; }

        public static async Task<SinkOnNewDatabase> CreateAsync()
        {
            var database = await TestDatabase.CreateAsync();
            await PostgresSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken);
            return new SinkOnNewDatabase(database, NpgsqlDataSource.Create(database.ConnectionString));
        }

        public async ValueTask DisposeAsync()
        {
            await Sink.DisposeAsync();
            await _dataSource.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
