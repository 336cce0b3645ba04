using Claims.Grains.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Claims.Grains.Tests.Primitives;

public sealed class EventOutboxTests
{
    [Fact]
    public async Task AChangeIsAcknowledgedOnlyOnceStoredAndItsEventsDelivered()
    {
        var state = new StateInMemory();
        var sink = new RecordingSink();
        var outbox = new EventOutbox<OutboxHolder>(state, sink, NullLogger.Instance);

        var version = outbox.NextVersion();
        outbox.Raise(version, Paused("a"));
        var commit = outbox.CommitAsync(version).AsTask();

        Assert.False(commit.IsCompleted);
        Assert.Empty(sink.Published);
        state.FinishWrite();
        await commit;

        Assert.Equal(["status:a"], sink.Published);
        Assert.Empty(state.State.Outbox);
        Assert.Equal(1, state.Writes);
    }

    [Fact]
    public async Task EventsASinkRefusedStayInTheOutboxAndTheNextCommitDeliversThemFirst()
    {
        var state = new StateInMemory { WritesAtOnce = true };
        var sink = new RecordingSink { FailNext = true };
        var outbox = new EventOutbox<OutboxHolder>(state, sink, NullLogger.Instance);

        var first = outbox.NextVersion();
        outbox.Raise(first, Paused("a"));
        await Assert.ThrowsAsync<IOException>(() => outbox.CommitAsync(first).AsTask());
        Assert.Single(state.State.Outbox);

        var second = outbox.NextVersion();
        outbox.Raise(second, Paused("b"));
        await outbox.CommitAsync(second);

        Assert.Equal(["status:a", "status:b"], sink.Published);
        Assert.Empty(state.State.Outbox);
    }

    [Fact]
    public async Task AnActivationDeliversWhatItReadBackAndASinkThatIsDownDoesNotStopIt()
    {
        var state = new StateInMemory { WritesAtOnce = true };
        state.State.Version = 3;
        state.State.Outbox.Add(new OutboxEntry(3, Paused("left-over")));
        var sink = new RecordingSink { FailNext = true };

        await new EventOutbox<OutboxHolder>(state, sink, NullLogger.Instance).RestoreAsync();
        Assert.Single(state.State.Outbox);

        await new EventOutbox<OutboxHolder>(state, sink, NullLogger.Instance).RestoreAsync();
        Assert.Equal(["status:left-over"], sink.Published);
    }

    private static CampaignStatusChanged Paused(string id) => new()
    {
        EventId = $"status:{id}",
        OccurredAt = DateTimeOffset.UnixEpoch,
        CampaignId = "outbox",
        Status = CampaignStatus.Paused,
    };

    public sealed class OutboxHolder : IOutboxState
    {
        public List<OutboxEntry> Outbox { get; } = [];

        public long Version { get; set; }
    }

    private sealed class RecordingSink : IClaimsEventSink
    {
        public List<string> Published { get; } = [];

        public bool FailNext { get; set; }

        public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events)
        {
            if (FailNext)
            {
                FailNext = false;
                return ValueTask.FromException(new IOException("ledger unreachable"));
            }

            Published.AddRange(events.Select(e => e.EventId));
            return ValueTask.CompletedTask;
        }
    }

    // Grain state whose write completes when the test says, or at once.
    private sealed class StateInMemory : IPersistentState<OutboxHolder>
    {
        private TaskCompletionSource _write = new();

        public bool WritesAtOnce { get; init; }

        public int Writes { get; private set; }

        public OutboxHolder State { get; set; } = new();

        public string? Etag => null;

        public bool RecordExists => true;

        public void FinishWrite() => _write.SetResult();

        public Task WriteStateAsync()
        {
            Writes++;
            if (WritesAtOnce)
            {
                return Task.CompletedTask;
            }

            _write = new TaskCompletionSource();
            return _write.Task;
        }

        public Task ClearStateAsync() => Task.CompletedTask;

        public Task ReadStateAsync() => Task.CompletedTask;
    }
}
