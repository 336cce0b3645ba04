using System.Numerics;

namespace Claims.Grains.Campaigns;

/// <summary>
/// How many pool shards and quota grains a campaign gets when its definition names none. Chosen
/// once, when the campaign is created, since grants are filed by them.
/// </summary>
public static class ShardChoice
{
    /// <summary>
    /// Stock per pool shard. A shard pays off only with cores to run on: on one small node a whole
    /// pool batches more grants into each write than its shards do (see bench/README.md), so
    /// Claims splits only pools far beyond a county's campaign.
    /// </summary>
    public const int StockPerShard = 100_000;

    /// <summary>The most pool shards chosen without an explicit setting.</summary>
    public const int MaxShards = 8;

    /// <summary>Quota grains per active silo.</summary>
    public const int QuotaGrainsPerSilo = 8;

    /// <summary>Pool shards for a coupon type whose largest round holds <paramref name="stock"/>.</summary>
    public static int ShardsFor(int stock) => Math.Clamp(stock / StockPerShard, 1, MaxShards);

    /// <summary>Quota grains for a cluster of <paramref name="silos"/> active silos: a power of two, at most one per slot.</summary>
    public static int QuotaGrainsFor(int silos) =>
        (int)Math.Min(QuotaShards.Count, BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, silos) * QuotaGrainsPerSilo));

    /// <summary>The campaign with its pool shards and quota grains fixed where the operator set none.</summary>
    /// <remarks>A plain array: a silo stores what this returns, and grain storage serializers cannot rebuild the compiler's own collection types.</remarks>
    public static CampaignDefinition WithShardsChosen(this CampaignDefinition campaign, int silos) => campaign with
    {
        CouponTypes = campaign.CouponTypes.Select(t => t.Shards is not null ? t : t with
        {
            Shards = t.ListOnly ? 1 : ShardsFor(campaign.Rounds.Max(r => r.Stock.GetValueOrDefault(t.Id))),
        }).ToArray(),
        QuotaShardCount = campaign.QuotaShardCount ?? QuotaGrainsFor(silos),
    };
}
