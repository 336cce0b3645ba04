using System.Globalization;
using System.Threading.Channels;
using Claims.Grains.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Claims.Silo.Storage;

/// <summary>
/// Appends every event to the ledger table in the SQLite file that holds grain state. Grains wait
/// for their events to be written before they acknowledge a change, so many grains' events are
/// gathered into one transaction: a rush costs a few ledger commits per second, not one per grant.
/// </summary>
internal sealed partial class SqliteLedgerSink : IClaimsEventSink, ILedgerReader, IAsyncDisposable
{
    // Large enough to carry a rush's burst in one commit, small enough to keep a commit short.
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly ILogger<SqliteLedgerSink> _logger;
    private readonly Task _writer;

    private readonly Serializer _serializer;

    public SqliteLedgerSink(IOptions<ClaimsStorageOptions> storage, Serializer serializer, ILogger<SqliteLedgerSink> logger)
    {
        _serializer = serializer;
        _connectionString = SqliteSchema.ConnectionString(storage.Value.SqlitePath);
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events)
    {
        // Turned into rows on the writer's thread, not the grain's.
        var pending = new Pending(events, new(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending)
            ? new ValueTask(pending.Written.Task)
            : ValueTask.FromException(new ObjectDisposedException(nameof(SqliteLedgerSink)));
    }

    public Task<IReadOnlyList<ClaimsEvent>> ReadAsync(string campaignId)
    {
        using var connection = new TunedSqliteConnection(_connectionString);
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = LedgerSchema.ReadCampaign;
        query.Parameters.AddWithValue("$campaignId", campaignId);
        using var reader = query.ExecuteReader();
        var events = new List<ClaimsEvent>();
        while (reader.Read())
        {
            events.Add(_serializer.Deserialize<ClaimsEvent>((byte[])reader[0]) ?? throw new InvalidDataException("A ledger row holds no event."));
        }

        return Task.FromResult<IReadOnlyList<ClaimsEvent>>(events);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            var records = 0;
            while (records < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                records += pending.Events.Count;
            }

            try
            {
                Insert(batch);
                batch.ForEach(p => p.Written.SetResult());
            }
            catch (Exception exception)
            {
                // The events stay in their grains' outboxes and come again with the next change.
                LogWriteFailed(exception, records);
                batch.ForEach(p => p.Written.SetException(exception));
            }

            batch.Clear();
        }
    }

    private void Insert(List<Pending> batch)
    {
        using var connection = new TunedSqliteConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = LedgerSchema.Insert;
        var eventId = insert.Parameters.Add("$eventId", SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var campaignId = insert.Parameters.Add("$campaignId", SqliteType.Text);
        var occurredAt = insert.Parameters.Add("$occurredAt", SqliteType.Text);
        insert.Parameters.AddWithValue("$recordedAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        insert.Prepare();
        foreach (var record in batch.SelectMany(p => p.Events).Select(e => LedgerRecord.Of(e, _serializer)))
        {
            eventId.Value = record.EventId;
            kind.Value = record.Kind;
            campaignId.Value = (object?)record.CampaignId ?? DBNull.Value;
            occurredAt.Value = record.OccurredAt.ToString("O", CultureInfo.InvariantCulture);
            payload.Value = record.Payload;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Records} events to the ledger failed")]
    private partial void LogWriteFailed(Exception exception, int records);

    private sealed record Pending(IReadOnlyList<ClaimsEvent> Events, TaskCompletionSource Written);
}
