using Claims.Contracts.Reports;
using Claims.Grains.Events;

namespace Claims.Grains.Reports;

// A stateless worker: reports read the ledger, not grain state, so any silo can build one.
[StatelessWorker]
public sealed class CampaignReportGrain(ILedgerReader ledger, TimeProvider time) : Grain, ICampaignReportGrain
{
    public Task<CampaignReport?> BuildAsync() => FoldAsync(CampaignReportBuilder.Build);

    public Task<Settlement?> SettleAsync() => FoldAsync(SettlementBuilder.Build);

    public Task<IReadOnlyList<AuditRecord>?> SampleAsync(decimal fraction, int seed) =>
        FoldAsync((definition, events, _) => AuditSampleBuilder.Build(definition, events, fraction, seed));

    public async Task<Reconciliation?> ReconcileAsync()
    {
        var campaignId = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync() is not { } snapshot)
        {
            return null;
        }

        // The pools and the ledger are read moments apart: on a campaign still taking claims a
        // difference can be a change caught between the two reads; one that stays on the next
        // reconciliation is real.
        var definition = snapshot.Definition;
        var ledgerEvents = await ReadLedgerAsync(definition);
        var pools = await PoolStocks.ReadAsync(GrainFactory, definition);
        var now = time.GetUtcNow();
        return ReconciliationBuilder.Build(
            CampaignReportBuilder.Build(definition, ledgerEvents, now),
            SettlementBuilder.Build(definition, ledgerEvents, now),
            pools,
            now);
    }

    private async Task<T?> FoldAsync<T>(Func<CampaignDefinition, IReadOnlyList<ClaimsEvent>, DateTimeOffset, T> fold)
        where T : class
    {
        var campaignId = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync() is not { } snapshot)
        {
            return null;
        }

        return fold(snapshot.Definition, await ReadLedgerAsync(snapshot.Definition), time.GetUtcNow());
    }

    // Pools answer a change only once their journal has it, and the journal is in the ledger: a
    // report counts every change answered before it was asked for.
    private async Task<IReadOnlyList<ClaimsEvent>> ReadLedgerAsync(CampaignDefinition definition) =>
        PoolLedgerEvents.Expand(definition, await ledger.ReadAsync(definition.Id));
}
