using System.Collections.Concurrent;

namespace Claims.Grains.Events;

/// <summary>
/// The ledger of <c>Memory</c> mode: every event once (by event id), in arrival order, and the
/// pools' journals in it, for as long as the process lives. Development and tests get the same
/// pools and reports as the durable ledger.
/// </summary>
public sealed class ProcessMemoryLedger : IClaimsEventSink, ILedgerReader, IPoolJournal
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<ClaimsEvent> _events = [];
    private readonly ConcurrentDictionary<string, List<PoolAppended>> _journals = new(StringComparer.Ordinal);

    public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events)
    {
        lock (_lock)
        {
            foreach (var e in events)
            {
                Add(e);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> AppendAsync(PoolAppended append)
    {
        var journal = _journals.GetOrAdd(append.PoolKey, _ => []);
        lock (_lock)
        {
            if (journal.Count != append.Version - 1 || !Add(append))
            {
                return ValueTask.FromResult(false);
            }

            journal.Add(append);
            return ValueTask.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ClaimsEvent>> ReadAsync(string campaignId)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ClaimsEvent>>([.. _events.Where(e => LedgerKeys.CampaignOf(e) == campaignId)]);
        }
    }

    public Task<IReadOnlyList<PoolAppended>> ReadAsync(string poolKey, int afterVersion)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<PoolAppended>>(_journals.TryGetValue(poolKey, out var journal) ? [.. journal.Skip(afterVersion)] : []);
        }
    }

    private bool Add(ClaimsEvent e)
    {
        if (!_seen.Add(e.EventId))
        {
            return false;
        }

        _events.Add(e);
        return true;
    }
}
