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
}
