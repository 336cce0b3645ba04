namespace Claims.Grains.Events;

/// <summary>
/// A grain's outbox: events are stored with the change that raised them, in the same state write,
/// and handed to the sink only once that write has completed. Delivered events are dropped from
/// the state, which the next write persists; a crash before it delivers them again, so the sink
/// sees each event at least once.
/// </summary>
public sealed partial class EventOutbox<TState>(IPersistentState<TState> state, IClaimsEventSink sink, ILogger logger)
    where TState : IOutboxState
{
    private long _durableVersion;
    private bool _delivering;

    /// <summary>After activation: whatever was read back is durable, and its outbox was not handed over.</summary>
    public Task RestoreAsync()
    {
        _durableVersion = state.State.Version;
        return DeliverAsync();
    }

    /// <summary>No change counted so far is waiting for a write.</summary>
    public bool AllDurable => state.State.Version <= _durableVersion;

    /// <summary>Counts a change to the state and returns its version.</summary>
    public long NextVersion() => ++state.State.Version;

    public void Raise(long version, ClaimsEvent @event) => state.State.Outbox.Add(new(version, @event));

    /// <summary>
    /// Returns once the change of <paramref name="version"/> is stored. Writes issued while another
    /// is in flight are joined by the storage bridge, so a burst of changes costs a handful of
    /// storage writes, and each caller still waits for a write that began after its own change.
    /// </summary>
    public async ValueTask CommitAsync(long version)
    {
        if (version <= _durableVersion)
        {
            return;
        }

        await state.WriteStateAsync();
        _durableVersion = Math.Max(_durableVersion, version);
        await DeliverAsync();
    }

    private async Task DeliverAsync()
    {
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        var outbox = state.State.Outbox;
        try
        {
            while (outbox.Count > 0 && outbox[0].Version <= _durableVersion)
            {
                var ready = outbox.TakeWhile(e => e.Version <= _durableVersion).ToList();
                await sink.PublishAsync([.. ready.Select(e => e.Event)]);
                outbox.RemoveRange(0, ready.Count);
            }
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(exception, typeof(TState).Name);
        }
        finally
        {
            _delivering = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering events of a {StateType} failed; they stay in its outbox")]
    private partial void LogDeliveryFailed(Exception exception, string stateType);
}
