namespace Claims.Contracts.Reports;

/// <summary>Builds a campaign's report and settlement from the ledger on request, key = campaign id; keeps nothing.</summary>
public interface ICampaignReportGrain : IGrainWithStringKey
{
    /// <summary>The report as of now; null when no campaign has this id.</summary>
    Task<CampaignReport?> BuildAsync();

    /// <summary>What each fund owes each merchant and each fund's leftover, as of now; null when no campaign has this id.</summary>
    Task<Settlement?> SettleAsync();

    /// <summary>The ledger against the pools' counters and the settlement; null when no campaign has this id.</summary>
    Task<Reconciliation?> ReconcileAsync();

    /// <summary>
    /// At least <paramref name="fraction"/> of the campaign's redemptions, and at least one of each
    /// merchant that redeemed any, drawn by <paramref name="seed"/>: the same seed draws the same
    /// records. Null when no campaign has this id.
    /// </summary>
    Task<IReadOnlyList<AuditRecord>?> SampleAsync(decimal fraction, int seed);
}
