using Claims.Grains.Events;

namespace Claims.Grains.Pools;

// The events of grants do not go through the outbox: the grant log already holds everything they
// say, durably and in order, so the state only keeps how far along the log the sink has been
// served. In a rush the ledger lags the grants by a few thousand; copied into the outbox, those
// events made every coalesced write serialize all of them again.
public sealed partial class PoolGrain
{
    private static readonly TimeSpan GrantRetryDelay = TimeSpan.FromSeconds(1);

    // Grants up to this sequence are known to be stored; their events may be handed to the sink.
    private int _durableGrants;
    private bool _grantLoopRunning;
    private IGrainTimer? _grantRetry;

    // Everything granted before a change of `version` was stored with it or before it.
    private void GrantsStoredWith(long version)
    {
        var sequence = _book.Granted;
        while (sequence > _durableGrants && _book.Find(sequence)!.Grant.Version > version)
        {
            sequence--;
        }

        _durableGrants = sequence;
    }

    public Task FlushGrantEventsAsync() => GrantEventsDeliveredAsync();

    private SerialDelivery GrantDelivery => field ??= new(DeliverGrantEventsAsync);

    /// <summary>Returns once the events of every stored grant have reached the sink.</summary>
    private Task GrantEventsDeliveredAsync() => GrantDelivery.UntilAsync(() => state.State.GrantsDelivered >= _durableGrants);

    // One loop delivers behind the rush's grants until it has caught up. Thousands of grant calls
    // each awaiting the delivery in flight were thousands of continuations woken per delivery.
    private void DeliverGrantEventsLater()
    {
        if (!_grantLoopRunning)
        {
            _grantLoopRunning = true;
            _ = DeliverGrantEventsQuietlyAsync();
        }
    }

    private async Task DeliverGrantEventsQuietlyAsync()
    {
        try
        {
            await GrantEventsDeliveredAsync();
        }
        catch (Exception exception)
        {
            LogGrantDeliveryFailed(exception, this.GetPrimaryKeyString());
            RetryGrantDeliveryLater();
        }
        finally
        {
            _grantLoopRunning = false;
        }
    }

    // Hands over what the delivery loop still owes before the pool goes, so its next activation
    // has nothing to send again; a sink that is down leaves that to the next activation.
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        DeliverGrantEventsQuietlyAsync();

    // These grants were acknowledged before their events left, and a sold-out pool may see no
    // further change to carry them: keep trying while the pool is active (an activation delivers
    // too), so a ledger outage delays events and loses none.
    private void RetryGrantDeliveryLater()
    {
        try
        {
            _grantRetry ??= this.RegisterGrainTimer(_ =>
            {
                _grantRetry?.Dispose();
                _grantRetry = null;
                DeliverGrantEventsLater();
                return Task.CompletedTask;
            }, new GrainTimerCreationOptions(GrantRetryDelay, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        }
        catch (InvalidOperationException)
        {
            // The pool was deactivated while delivering: its next activation delivers instead.
        }
    }

    // The watermark moves in memory and is persisted by the next write; a crash before that hands
    // the same events over again, which the ledger ignores by event id.
    private async Task DeliverGrantEventsAsync()
    {
        var from = state.State.GrantsDelivered;
        var to = _durableGrants;
        var events = new ClaimsEvent[to - from];
        for (var sequence = from + 1; sequence <= to; sequence++)
        {
            events[sequence - from - 1] = GrantEvent(_book.Find(sequence)!.Grant);
        }

        await sink.PublishAsync(events);
        state.State.GrantsDelivered = Math.Max(state.State.GrantsDelivered, to);
    }

    private ClaimsEvent GrantEvent(PoolGrant grant)
    {
        var coupon = ToCoupon(grant, CouponStatus.Claimed);
        // A list-only type is only ever granted from its list.
        return _couponType.ListOnly
            ? new CouponListed { EventId = $"listed:{coupon.CouponId}", OccurredAt = grant.ClaimedAt, Coupon = coupon }
            : new CouponClaimed { EventId = $"claimed:{coupon.CouponId}", OccurredAt = grant.ClaimedAt, Coupon = coupon };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering grant events of pool {PoolKey} failed; the next change delivers them")]
    private partial void LogGrantDeliveryFailed(Exception exception, string poolKey);
}
