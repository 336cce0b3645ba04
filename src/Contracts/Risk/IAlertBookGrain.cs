namespace Claims.Contracts.Risk;

/// <summary>Every alert raised, newest first (a single grain, key <see cref="Key"/>): what operators read and act on.</summary>
public interface IAlertBookGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    Task AddAsync(RiskAlert alert);

    Task<IReadOnlyList<RiskAlert>> ListAsync();

    /// <summary>The alert, if there is one with this id.</summary>
    Task<RiskAlert?> FindAsync(string alertId);

    /// <summary>Records that the alert's merchant was suspended from it; the alert as it now stands.</summary>
    Task<RiskAlert?> MarkSuspendedAsync(string alertId, DateTimeOffset at);
}
