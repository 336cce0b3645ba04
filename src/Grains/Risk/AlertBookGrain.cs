using Claims.Contracts.Risk;

namespace Claims.Grains.Risk;

public sealed class AlertBookGrain([PersistentState("alerts", StorageNames.Claims)] IPersistentState<AlertBookState> state) : Grain, IAlertBookGrain
{
    // The book keeps the latest alerts; older ones stay in the logs.
    private const int Kept = 10_000;

    public async Task AddAsync(RiskAlert alert)
    {
        state.State.Alerts.Add(alert);
        if (state.State.Alerts.Count > Kept)
        {
            state.State.Alerts.RemoveRange(0, state.State.Alerts.Count - Kept);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<RiskAlert>> ListAsync() =>
        Task.FromResult<IReadOnlyList<RiskAlert>>([.. Enumerable.Reverse(state.State.Alerts)]);

    public Task<RiskAlert?> FindAsync(string alertId) => Task.FromResult(state.State.Alerts.Find(a => a.Id == alertId));

    public async Task<RiskAlert?> MarkSuspendedAsync(string alertId, DateTimeOffset at)
    {
        var index = state.State.Alerts.FindIndex(a => a.Id == alertId);
        if (index < 0)
        {
            return null;
        }

        if (state.State.Alerts[index].SuspendedAt is null)
        {
            state.State.Alerts[index] = state.State.Alerts[index] with { SuspendedAt = at };
            await state.WriteStateAsync();
        }

        return state.State.Alerts[index];
    }
}
