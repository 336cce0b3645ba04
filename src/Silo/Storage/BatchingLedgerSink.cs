using System.Threading.Channels;
using Claims.Grains.Events;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Claims.Silo.Storage;

/// <summary>
/// Appends every event to the ledger table of the database that holds grain state. One writer
/// gathers the events of many grains into each insert, so a rush costs a few ledger commits per
/// second, not one per grant; a grain's call returns once its events are committed.
/// </summary>
internal abstract partial class BatchingLedgerSink : IClaimsEventSink, ILedgerReader, IAsyncDisposable
{
    // Large enough to carry a rush's burst in one commit, small enough to keep a commit short.
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Task _writer;

    protected BatchingLedgerSink(Serializer serializer, ILogger logger)
    {
        Serializer = serializer;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    protected Serializer Serializer { get; }

    public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events)
    {
        // Turned into rows on the writer's thread, not the grain's.
        var pending = new Pending(events, new(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending)
            ? new ValueTask(pending.Written.Task)
            : ValueTask.FromException(new ObjectDisposedException(GetType().Name));
    }

    public async Task<IReadOnlyList<ClaimsEvent>> ReadAsync(string campaignId) =>
        [.. (await ReadPayloadsAsync(campaignId)).Select(p => Serializer.Deserialize<ClaimsEvent>(p) ?? throw new InvalidDataException("A ledger row holds no event."))];

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    /// <summary>Inserts the records in one transaction, skipping event ids already there.</summary>
    protected abstract Task InsertAsync(IReadOnlyList<LedgerRecord> records);

    /// <summary>The payloads of a campaign's rows, in ledger order.</summary>
    protected abstract Task<IReadOnlyList<byte[]>> ReadPayloadsAsync(string campaignId);

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
                await InsertAsync([.. batch.SelectMany(p => p.Events).Select(e => LedgerRecord.Of(e, Serializer))]);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Records} events to the ledger failed")]
    private partial void LogWriteFailed(Exception exception, int records);

    private sealed record Pending(IReadOnlyList<ClaimsEvent> Events, TaskCompletionSource Written);
}
