using Claims.Contracts.Reports;
using Claims.Grains.Events;

namespace Claims.Grains.Reports;

// A stateless worker: reports read the ledger, not grain state, so any silo can build one.
[StatelessWorker]
public sealed class CampaignReportGrain(ILedgerReader ledger, TimeProvider time) : Grain, ICampaignReportGrain
{
    public Task<CampaignReport?> BuildAsync() =>
        FoldAsync((definition, events, now) => Task.FromResult(CampaignReportBuilder.Build(definition, events, now)));

    public Task<Settlement?> SettleAsync() =>
        FoldAsync(async (definition, events, now) => SettlementBuilder.Build(definition, events, await HoldsAsync(events), now));

    public Task<IReadOnlyList<AuditRecord>?> SampleAsync(decimal fraction, int seed) =>
        FoldAsync((definition, events, _) => Task.FromResult(AuditSampleBuilder.Build(definition, events, fraction, seed)));

    // The pools and the ledger are read moments apart: on a campaign still taking claims a
    // difference can be a change caught between the two reads; one that stays on the next
    // reconciliation is real.
    public Task<Reconciliation?> ReconcileAsync() =>
        FoldAsync(async (definition, events, now) => ReconciliationBuilder.Build(
            definition,
            CampaignReportBuilder.Build(definition, events, now),
            SettlementBuilder.Build(definition, events, await HoldsAsync(events), now),
            await PoolStocks.ReadAsync(GrainFactory, definition),
            now));

    private async Task<T?> FoldAsync<T>(Func<CampaignDefinition, IReadOnlyList<ClaimsEvent>, DateTimeOffset, Task<T>> fold)
        where T : class
    {
        var campaignId = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync() is not { } snapshot)
        {
            return null;
        }

        return await fold(snapshot.Definition, await ReadLedgerAsync(snapshot.Definition), time.GetUtcNow());
    }

    // Holds are the merchants' own state, read as of now: a settlement is a statement of the
    // moment it is drawn up.
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<MerchantHold>>> HoldsAsync(IReadOnlyList<ClaimsEvent> ledgerEvents)
    {
        var merchantIds = ledgerEvents.OfType<CouponRedeemed>().Select(r => r.Receipt.MerchantId).Distinct(StringComparer.Ordinal).ToList();
        var merchants = await Task.WhenAll(merchantIds.Select(id => GrainFactory.GetGrain<IMerchantGrain>(id).GetAsync()));
        return merchants.Where(m => m?.Holds is { Count: > 0 }).ToDictionary(m => m!.Id, m => m!.Holds!, StringComparer.Ordinal);
    }

    // Pools answer a change only once their journal has it, and the journal is in the ledger: a
    // report counts every change answered before it was asked for.
    private async Task<IReadOnlyList<ClaimsEvent>> ReadLedgerAsync(CampaignDefinition definition) =>
        PoolLedgerEvents.Expand(definition, await ledger.ReadAsync(definition.Id));
}
