using Claims.Contracts.Reports;
using Claims.Grains.Events;

namespace Claims.Grains.Reports;

// A stateless worker: reports read the ledger, not grain state, so any silo can build one.
[StatelessWorker]
public sealed class CampaignReportGrain(ILedgerReader ledger, TimeProvider time) : Grain, ICampaignReportGrain
{
    public Task<CampaignReport?> BuildAsync() => FoldAsync(CampaignReportBuilder.Build);

    public Task<Settlement?> SettleAsync() => FoldAsync(SettlementBuilder.Build);

    private async Task<T?> FoldAsync<T>(Func<CampaignDefinition, IReadOnlyList<ClaimsEvent>, DateTimeOffset, T> fold)
        where T : class
    {
        var campaignId = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync() is not { } snapshot)
        {
            return null;
        }

        return fold(snapshot.Definition, await ledger.ReadAsync(campaignId), time.GetUtcNow());
    }
}
