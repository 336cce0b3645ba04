using Claims.Grains.Events;

namespace Claims.Grains.Tests;

/// <summary>
/// The test cluster's ledger (events, reports and pools' journals, as <c>Memory</c> mode keeps
/// them), which can hold back one campaign's journal appends the way a slow store does: the
/// pools' calls wait for them.
/// </summary>
public sealed class HoldingLedger : IClaimsEventSink, ILedgerReader, IPoolJournal
{
    private readonly ProcessMemoryLedger _ledger = new();
    private readonly Lock _lock = new();
    private Held? _hold;

    public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events) => _ledger.PublishAsync(events);

    public async ValueTask<bool> AppendAsync(PoolAppended append)
    {
        Held? held;
        lock (_lock)
        {
            held = _hold;
        }

        if (held is not null && append.PoolKey.StartsWith($"{held.CampaignId}/", StringComparison.Ordinal))
        {
            held.Reached.TrySetResult();
            await held.Released.Task;
        }

        return await _ledger.AppendAsync(append);
    }

    public Task<IReadOnlyList<ClaimsEvent>> ReadAsync(string campaignId) => _ledger.ReadAsync(campaignId);

    public Task<IReadOnlyList<PoolAppended>> ReadAsync(string poolKey, int afterVersion) => _ledger.ReadAsync(poolKey, afterVersion);

    /// <summary>
    /// Holds the campaign's journal appends until the returned release; <paramref name="reached"/>
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

    private sealed record Held(string CampaignId, TaskCompletionSource Released, TaskCompletionSource Reached);
}
