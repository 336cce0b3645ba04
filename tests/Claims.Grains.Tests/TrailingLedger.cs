using Claims.Grains.Events;

namespace Claims.Grains.Tests;

/// <summary>
/// The test cluster's ledger, which can hold back one campaign's grant events the way a ledger
/// trailing a rush does, while the grants themselves are already answered.
/// </summary>
public sealed class TrailingLedger : IClaimsEventSink, ILedgerReader
{
    private readonly ProcessMemoryLedger _ledger = new();
    private readonly Lock _lock = new();
    private Held? _hold;

    public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events)
    {
        Held? held;
        lock (_lock)
        {
            held = _hold;
        }

        if (held is not null && events.Any(e => e is CouponClaimed c && c.Coupon.CampaignId == held.CampaignId))
        {
            held.Reached.TrySetResult();
            return new ValueTask(PublishWhenReleasedAsync(events, held.Released.Task));
        }

        return _ledger.PublishAsync(events);
    }

    public Task<IReadOnlyList<ClaimsEvent>> ReadAsync(string campaignId) => _ledger.ReadAsync(campaignId);

    /// <summary>
    /// Holds the campaign's grant events until the returned release; <paramref name="reached"/>
    /// completes when the first of them arrives.
    /// </summary>
    public Action Hold(string campaignId, out Task reached)
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _hold = new(campaignId, released, arrived);
        }

        reached = arrived.Task;
        return () =>
        {
            lock (_lock)
            {
                _hold = null;
            }

            released.TrySetResult();
        };
    }

    private async Task PublishWhenReleasedAsync(IReadOnlyList<ClaimsEvent> events, Task released)
    {
        await released;
        await _ledger.PublishAsync(events);
    }

    private sealed record Held(string CampaignId, TaskCompletionSource Released, TaskCompletionSource Reached);
}
