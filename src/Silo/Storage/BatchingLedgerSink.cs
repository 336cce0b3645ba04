using System.Collections.Concurrent;
using Claims.Grains.Events;
using Claims.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Claims.Silo.Storage;

/// <summary>
/// Appends every event to the ledger table of the database that holds grain state. One writer
/// gathers the events of many grains into each insert, so a rush costs a few ledger commits per
/// second, not one per grant; a grain's call returns once its events are committed.
/// </summary>
/// <remarks>
/// The writer has a thread of its own and calls the database synchronously. On the thread pool its
/// commits, each several milliseconds of blocking work, held one of the few threads a small
/// machine has while grain calls queued behind it: measured on two cores, the ledger cost a rush
/// 20-45% of its rate that way, and none measurable on its own thread.
/// </remarks>
internal abstract partial class BatchingLedgerSink : IClaimsEventSink, ILedgerReader, IAsyncDisposable
{
    // Large enough to carry a rush's burst in one commit, small enough to keep a commit short.
    private const int MaxBatch = 256;

    private readonly BlockingCollection<Pending> _queue = [];
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger;

    protected BatchingLedgerSink(Serializer serializer, ClaimsMetrics metrics, ILogger logger)
    {
        Serializer = serializer;
        _logger = logger;
        metrics.ObserveLedgerBacklog(() => _queue.Count);
        new Thread(Write) { IsBackground = true, Name = "Claims ledger writer" }.Start();
    }

    protected Serializer Serializer { get; }

    public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events)
    {
        // Turned into rows on the writer's thread, not the grain's.
        var pending = new Pending(events, new(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            _queue.Add(pending);
            return new ValueTask(pending.Written.Task);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
        {
            // Closed for adding, or already gone: the sink is being disposed.
            return ValueTask.FromException(new ObjectDisposedException(GetType().Name));
        }
    }

    public async Task<IReadOnlyList<ClaimsEvent>> ReadAsync(string campaignId) =>
        [.. (await ReadPayloadsAsync(campaignId)).Select(p => Serializer.Deserialize<ClaimsEvent>(p) ?? throw new InvalidDataException("A ledger row holds no event."))];

    // The container disposes the sink once for each interface it is registered under.
    public async ValueTask DisposeAsync()
    {
        if (!_stopped.Task.IsCompleted)
        {
            _queue.CompleteAdding();
        }

        await _stopped.Task;
    }

    /// <summary>Inserts the records in one transaction, skipping event ids already there.</summary>
    protected abstract void Insert(IReadOnlyList<LedgerRecord> records);

    /// <summary>The payloads of a campaign's rows, in ledger order.</summary>
    protected abstract Task<IReadOnlyList<byte[]>> ReadPayloadsAsync(string campaignId);

    private void Write()
    {
        var batch = new List<Pending>();
        while (_queue.TryTake(out var first, Timeout.Infinite))
        {
            batch.Add(first);
            var records = first.Events.Count;
            while (records < MaxBatch && _queue.TryTake(out var pending))
            {
                batch.Add(pending);
                records += pending.Events.Count;
            }

            try
            {
                Insert([.. batch.SelectMany(p => p.Events).Select(e => LedgerRecord.Of(e, Serializer))]);
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

        _queue.Dispose();
        _stopped.SetResult();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Records} events to the ledger failed")]
    private partial void LogWriteFailed(Exception exception, int records);

    private sealed record Pending(IReadOnlyList<ClaimsEvent> Events, TaskCompletionSource Written);
}
