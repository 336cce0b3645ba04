
namespace Claims.Client;

/// <summary>Reads pools' counts as operators see them: one line per round and coupon type, a split pool's shards summed.</summary>
public static class PoolStocks
{
    public static Task<PoolStock[]> ReadAsync(IGrainFactory grains, CampaignDefinition definition) =>
        Task.WhenAll(
            from round in definition.Rounds
            from couponTypeId in round.Stock.Keys
            select ReadAsync(grains, definition, round.Id, couponTypeId));

    public static async Task<PoolStock> ReadAsync(IGrainFactory grains, CampaignDefinition definition, string roundId, string couponTypeId) =>
        PoolStock.Sum(await Task.WhenAll(definition.PoolKeys(roundId, couponTypeId).Select(key => grains.GetGrain<IPoolGrain>(key).GetStockAsync().AsTask())));
}
