using Claims.Grains.Events;
using Claims.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Claims.Silo.Tests;

public sealed class SqliteLedgerSinkTests : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"claims-ledger-{Guid.NewGuid():N}");
    private readonly ClaimsStorageOptions _storage;
    private readonly SqliteWriterGate _gate = new();

    private readonly SqliteLedgerSink _sink;

    public SqliteLedgerSinkTests()
    {
        _storage = new ClaimsStorageOptions { DataDirectory = _directory };
        SqliteSchema.Apply(_storage.SqlitePath);
        _sink = new SqliteLedgerSink(Options.Create(_storage), _gate, LedgerSamples.Serializer, LedgerSamples.Metrics, NullLogger<SqliteLedgerSink>.Instance);
    }

    [Fact]
    public async Task ConcurrentPublishersAreAllRecordedAndARedeliveryAddsNothing()
    {
        using var start = new Barrier(8);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(publisher => Task.Run(async () =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            for (var batch = 0; batch < 25; batch++)
            {
                await _sink.PublishAsync([.. Enumerable.Range(0, 10).Select(i => LedgerSamples.Paused($"{publisher}-{batch}-{i}"))]);
            }
        })));

        await _sink.PublishAsync([LedgerSamples.Paused("0-0-0"), LedgerSamples.Paused("7-24-9")]);

        Assert.Equal(2000, Count("SELECT COUNT(*) FROM ClaimsLedger"));
        Assert.Equal(2000, Count("SELECT COUNT(DISTINCT EventId) FROM ClaimsLedger WHERE Kind = 'CampaignStatusChanged' AND CampaignId = 'lushan-2023'"));
    }

    [Fact]
    public async Task TheWholeEventIsKeptAndReadsBack()
    {
        var paused = LedgerSamples.Paused("read-back");

        await _sink.PublishAsync([paused]);

        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT Payload FROM ClaimsLedger WHERE EventId = 'status:read-back'";
        Assert.Equal(paused, LedgerSamples.Serializer.Deserialize<ClaimsEvent>((byte[])query.ExecuteScalar()!));
    }

    [Fact]
    public Task PoolJournalsTakeEachVersionOnceAndReadBackInOrder() => JournalChecks.EachVersionIsTakenOnceAndReadsBackInOrderAsync(_sink);

    public async ValueTask DisposeAsync()
    {
        await _sink.DisposeAsync();
        _gate.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private long Count(string sql)
    {
        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = sql;
        return (long)query.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_storage.SqlitePath}");
        connection.Open();
        return connection;
    }
}
