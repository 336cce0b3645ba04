using System.Collections.Concurrent;
using Claims.Client.Telemetry;
using Claims.Grains.Events;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Claims.Silo.Storage;

/// <summary>
/// The ledger in the database that holds grain state: every event, and every pool's journal. One
/// writer gathers what the grains of this silo hand over (events, and pools' appends) into each
/// commit, so a rush costs a few commits per second however many pools grant, not one per grant
/// or per pool; a grain's call returns once what it handed over is committed.
/// </summary>
/// <remarks>
/// The writer has a thread of its own and calls the database synchronously. On the thread pool its
/// commits, each several milliseconds of blocking work, held one of the few threads a small
/// machine has while grain calls queued behind it, which cost a rush a large share of its rate
/// (bench/README.md).
/// </remarks>
internal abstract partial class BatchingLedgerSink : IClaimsEventSink, ILedgerReader, IPoolJournal, IAsyncDisposable
{
    // Large enough to carry a rush's burst in one commit, small enough to keep a commit short.
    private const int MaxBatch = 256;

    // Above every character a version is written with: (prefix + version, prefix + this) holds
    // exactly the pool's appends after that version.
    private const string JournalPrefixEnd = "~";

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

    public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events) => new(Enqueue(events, conditional: false));

    public ValueTask<bool> AppendAsync(PoolAppended append) => new(Enqueue([append], conditional: true));

    public async Task<IReadOnlyList<ClaimsEvent>> ReadAsync(string campaignId) =>
        [.. (await ReadPayloadsAsync(campaignId)).Select(Deserialize)];

    public async Task<IReadOnlyList<PoolAppended>> ReadAsync(string poolKey, int afterVersion)
    {
        var prefix = PoolAppended.JournalPrefix(poolKey);
        var payloads = await ReadRangeAsync(Claims.Contracts.GrainKeys.ParsePool(poolKey).CampaignId, PoolAppended.EventIdOf(poolKey, afterVersion), prefix + JournalPrefixEnd);
        return [.. payloads.Select(p => (PoolAppended)Deserialize(p))];
    }

    // The container disposes the sink once for each interface it is registered under.
    public async ValueTask DisposeAsync()
    {
        if (!_stopped.Task.IsCompleted)
        {
            _queue.CompleteAdding();
        }

        await _stopped.Task;
    }

    /// <summary>
    /// Inserts the records in one transaction, skipping event ids already there; which of them
    /// were inserted.
    /// </summary>
    protected abstract bool[] Insert(IReadOnlyList<LedgerRecord> records);

    /// <summary>The payloads of a campaign's rows, in ledger order.</summary>
    protected abstract Task<IReadOnlyList<byte[]>> ReadPayloadsAsync(string campaignId);

    /// <summary>The payloads of a campaign's rows whose event id is above <paramref name="after"/> and below <paramref name="before"/>, in event id order.</summary>
    protected abstract Task<IReadOnlyList<byte[]>> ReadRangeAsync(string campaignId, string after, string before);

    private ClaimsEvent Deserialize(byte[] payload) => Serializer.Deserialize<ClaimsEvent>(payload) ?? throw new InvalidDataException("A ledger row holds no event.");

    private Task<bool> Enqueue(IReadOnlyList<ClaimsEvent> events, bool conditional)
    {
        // Turned into rows on the writer's thread, not the grain's.
        var pending = new Pending(events, conditional, new(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            _queue.Add(pending);
            return pending.Written.Task;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
        {
            // Closed for adding, or already gone: the sink is being disposed.
            return Task.FromException<bool>(new ObjectDisposedException(GetType().Name));
        }
    }

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
                var inserted = Insert([.. batch.SelectMany(p => p.Events).Select(e => LedgerRecord.Of(e, Serializer))]);

                // An event delivered again is already there, as it should be; a pool's append
                // that finds its version there lost it to another activation.
                var row = 0;
                foreach (var pending in batch)
                {
                    pending.Written.SetResult(!pending.Conditional || inserted[row]);
                    row += pending.Events.Count;
                }
            }
            catch (Exception exception)
            {
                // Events stay in their grains' outboxes and come again with the next change; a
                // pool's append may or may not be in, and the pool reads its journal again.
                LogWriteFailed(exception, records);
                batch.ForEach(p => p.Written.SetException(exception));
            }

            batch.Clear();
        }

        _queue.Dispose();
        _stopped.SetResult();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Records} rows to the ledger failed")]
    private partial void LogWriteFailed(Exception exception, int records);

    private sealed record Pending(IReadOnlyList<ClaimsEvent> Events, bool Conditional, TaskCompletionSource<bool> Written);
}
