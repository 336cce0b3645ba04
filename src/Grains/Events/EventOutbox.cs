namespace Claims.Grains.Events;

/// <summary>
/// A grain's outbox: events are stored with the change that raised them, in the same state write,
/// and handed to the sink once that write has completed. A change is acknowledged only after its
/// events reached the sink, so whatever a caller was told happened is in the ledger. Delivered
/// events are dropped from the state, which the next write persists; a crash before it delivers
/// them again, so the sink sees each event at least once.
/// </summary>
public sealed partial class EventOutbox<TState>(IPersistentState<TState> state, IClaimsEventSink sink, ILogger logger)
    where TState : IOutboxState
{
    private long _durableVersion;
    private long _deliveredVersion;

    private SerialDelivery Delivery => field ??= new(DeliverAsync);

    /// <summary>
    /// After activation: whatever was read back is durable, and its outbox was not handed over. A
    /// sink that is down does not stop the activation; the next commit delivers.
    /// </summary>
    public Task RestoreAsync()
    {
        _durableVersion = state.State.Version;
        return DeliverQuietlyAsync(_durableVersion);
    }

    /// <summary>Counts a change to the state and returns its version.</summary>
    public long NextVersion() => ++state.State.Version;

    public void Raise(long version, ClaimsEvent @event) => state.State.Outbox.Add(new(version, @event));

    /// <summary>
    /// Returns once the change of <paramref name="version"/> is stored and its events delivered.
    /// Writes issued while another is in flight are joined by the storage bridge, and deliveries
    /// while another is in flight wait for it and then take everything durable, so a burst of
    /// changes costs a handful of writes and sink calls. Throws when either fails: the change may
    /// be stored, and a retry of the same request finds it.
    /// </summary>
    public async ValueTask CommitAsync(long version)
    {
        await StoreAsync(version);
        await DeliveredAsync(version);
    }

    private async ValueTask StoreAsync(long version)
    {
        if (version > _durableVersion)
        {
            await state.WriteStateAsync();
            _durableVersion = Math.Max(_durableVersion, version);
        }
    }

    private async Task DeliverQuietlyAsync(long version)
    {
        try
        {
            await DeliveredAsync(version);
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(exception, typeof(TState).Name);
        }
    }

    private Task DeliveredAsync(long version) => Delivery.UntilAsync(() => _deliveredVersion >= version);

    private async Task DeliverAsync()
    {
        var durable = _durableVersion;
        var outbox = state.State.Outbox;
        var ready = outbox.TakeWhile(e => e.Version <= durable).ToList();
        if (ready.Count > 0)
        {
            try
            {
                await sink.PublishAsync([.. ready.Select(e => e.Event)]);
            }
            catch (Exception exception)
            {
                LogDeliveryFailed(exception, typeof(TState).Name);
                throw;
            }

            outbox.RemoveRange(0, ready.Count);
        }

        _deliveredVersion = Math.Max(_deliveredVersion, durable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering events of a {StateType} failed; they stay in its outbox")]
    private partial void LogDeliveryFailed(Exception exception, string stateType);
}
