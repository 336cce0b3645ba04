using Claims.Grains.Campaigns;
using Claims.Grains.Pools;
using Claims.Grains.Quotas;

namespace Claims.Grains.Tests.Policy;

public sealed class ShardChoiceTests
{
    private static readonly DateTimeOffset Now = new(2023, 12, 11, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(500, 1)]
    [InlineData(199_999, 1)]
    [InlineData(200_000, 2)]
    [InlineData(10_000_000, ShardChoice.MaxShards)]
    public void ShardsAreChosenFromTheLargestRoundsStock(int stock, int expected) =>
        Assert.Equal(expected, ShardChoice.ShardsFor(stock));

    [Fact]
    public void ACampaignIsStoredWithItsShardsChosenWhereTheOperatorSetNone()
    {
        var campaign = TestCampaigns.Open(Now, stock: 450_000);
        campaign = campaign with { CouponTypes = [.. campaign.CouponTypes.Select(t => t.Id == "dining-10-50" ? t with { Shards = 2 } : t)] };

        var chosen = campaign.WithShardsChosen(silos: 1);

        Assert.Equal(4, chosen.FindCouponType("market-10-50")!.PoolShards);
        Assert.Equal(2, chosen.FindCouponType("dining-10-50")!.PoolShards);
        Assert.Equal(1, chosen.FindCouponType("love-1000")!.PoolShards);
        Assert.Equal(4, chosen.PoolKeys("p1", "market-10-50").Distinct().Count());
        Assert.Contains(chosen.PoolKeyFor("p1", "market-10-50", "zhang"), chosen.PoolKeys("p1", "market-10-50"));
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 16)]
    [InlineData(3, 32)]
    [InlineData(8, 64)]
    [InlineData(100, 64)]
    public void QuotaGrainsAreChosenAsAPowerOfTwoPerSiloUpToOnePerSlot(int silos, int grains)
    {
        Assert.Equal(grains, ShardChoice.QuotaGrainsFor(silos));
        Assert.Equal(grains, TestCampaigns.Open(Now).WithShardsChosen(silos).QuotaGrains);
        Assert.Equal(4, (TestCampaigns.Open(Now) with { QuotaShardCount = 4 }).WithShardsChosen(silos).QuotaGrains);
    }

    [Theory]
    [InlineData(100, 4)]
    [InlineData(101, 4)]
    [InlineData(3, 8)]
    [InlineData(32_400, 16)]
    public void TheShardsPartsDifferByAtMostOneAndAddUpToTheStock(int stock, int shards)
    {
        var parts = Enumerable.Range(0, shards).Select(shard => ShardStock.Of(stock, shards, shard)).ToList();

        Assert.Equal(stock, parts.Sum());
        Assert.InRange(parts.Max() - parts.Min(), 0, 1);
    }

    [Fact]
    public void EveryQuotaGrainServesItsOwnSlotsAndTogetherThemAll()
    {
        foreach (var grains in new[] { 1, 2, 8, 64 })
        {
            var slots = Enumerable.Range(0, grains).SelectMany(g => QuotaSlots.Of(g, grains).Select(s => (Grain: g, Slot: s))).ToList();
            Assert.Equal(Enumerable.Range(0, QuotaShards.Count), slots.Select(s => s.Slot).Order());
            Assert.All(slots, s => Assert.Equal(s.Grain, QuotaShards.GrainOf(s.Slot, grains)));
        }
    }
}
