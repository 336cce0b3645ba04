using System.Collections.Concurrent;

namespace Claims.Grains.Events;

/// <summary>
/// The ledger of <c>Memory</c> mode: every event once (by event id), in arrival order, for as long
/// as the process lives. Development and tests get the same reports as the durable ledger.
/// </summary>
public sealed class ProcessMemoryLedger : IClaimsEventSink, ILedgerReader
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ClaimsEvent> _events = new();

    public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events)
    {
        foreach (var e in events)
        {
            if (_seen.TryAdd(e.EventId, 0))
            {
                _events.Enqueue(e);
            }
        }

        return ValueTask.CompletedTask;
    }

    public Task<IReadOnlyList<ClaimsEvent>> ReadAsync(string campaignId) =>
        Task.FromResult<IReadOnlyList<ClaimsEvent>>([.. _events.Where(e => LedgerKeys.CampaignOf(e) == campaignId)]);
}
