using Claims.Contracts.Reports;
using Claims.Grains.Events;

namespace Claims.Grains.Reports;

// A stateless worker: reports read the ledger, not grain state, so any silo can build one.
[StatelessWorker]
public sealed class CampaignReportGrain(ILedgerReader ledger, TimeProvider time) : Grain, ICampaignReportGrain
{
    public async Task<CampaignReport?> BuildAsync()
    {
        var campaignId = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync() is not { } snapshot)
        {
            return null;
        }

        return CampaignReportBuilder.Build(snapshot.Definition, await ledger.ReadAsync(campaignId), time.GetUtcNow());
    }
}
