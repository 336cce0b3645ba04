using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public sealed class PoolShardsTests
{
    [Theory]
    [InlineData(100, 4)]
    [InlineData(101, 4)]
    [InlineData(3, 8)]
    [InlineData(32_400, 16)]
    public void TheShardsPartsDifferByAtMostOneAndAddUpToTheStock(int stock, int shards)
    {
        var parts = Enumerable.Range(0, shards).Select(shard => PoolShards.StockOf(stock, shards, shard)).ToList();

        Assert.Equal(stock, parts.Sum());
        Assert.InRange(parts.Max() - parts.Min(), 0, 1);
    }

    [Theory]
    [InlineData(500, 1)]
    [InlineData(199_999, 1)]
    [InlineData(200_000, 2)]
    [InlineData(10_000_000, PoolShards.ChosenMax)]
    public void ClaimsChoosesShardsFromTheLargestRoundsStock(int stock, int expected) =>
        Assert.Equal(expected, PoolShards.ChosenFor(stock));

    [Fact]
    public void EveryShardServesSomeQuotaShards() =>
        Assert.Equal(
            Enumerable.Range(0, PoolShards.Max),
            Enumerable.Range(0, QuotaShards.Count).Select(q => PoolShards.ServingQuotaShard(q, PoolShards.Max)).Distinct().Order());

    [Theory]
    [InlineData(0, false)]
    [InlineData(PoolShards.Max + 1, false)]
    [InlineData(2, true)]
    public void AShardCountOutOfRangeOrOnAListOnlyTypeIsRefused(int shards, bool listOnly)
    {
        var definition = CampaignBuilder.Valid() with { CouponTypes = [CampaignBuilder.CouponType with { Shards = shards, ListOnly = listOnly }] };

        Assert.Contains(CampaignValidator.Validate(definition), v => v is { Code: "invalid_shards", Path: "$.couponTypes[0].shards" });
    }

    [Fact]
    public void ACampaignIsStoredWithItsShardsChosenWhereTheOperatorSetNone()
    {
        var definition = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType, CampaignBuilder.DiningCouponType with { Shards = 4 }],
            Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((CampaignBuilder.CouponType.Id, 450_000), (CampaignBuilder.DiningCouponType.Id, 10)) }],
        };

        var chosen = definition.WithShardsChosen(silos: 1);

        Assert.Equal([4, 4], chosen.CouponTypes.Select(t => t.PoolShards));
        Assert.Equal(4, chosen.PoolKeys("p1", CampaignBuilder.CouponType.Id).Distinct().Count());
        Assert.Contains(chosen.PoolKeyFor("p1", CampaignBuilder.CouponType.Id, "zhang"), chosen.PoolKeys("p1", CampaignBuilder.CouponType.Id));
    }
}
