namespace Claims.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ReallocationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ValueMovesBetweenCouponTypesOfAnUnopenedRound()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: 100));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);
        var activeBefore = await fixture.StockAsync(campaign, "p2", "fuel-20-200");

        // 1,000 yuan of fuel 20-off into supermarket 10-off: −50 + 100 coupons.
        var moved = await grain.ReallocateAsync("p2", new Dictionary<string, int> { ["fuel-20-200"] = 50, ["market-10-50"] = 200 });

        Assert.Equal(StockReallocationResult.Reallocated, moved.Result);
        Assert.Equal(moved.ValueBefore, moved.ValueAfter);
        Assert.Equal(100, activeBefore.Stock);
        Assert.Equal(50, (await fixture.StockAsync(campaign, "p2", "fuel-20-200")).Stock);
        Assert.Equal(200, (await fixture.StockAsync(campaign, "p2", "market-10-50")).Stock);
        Assert.Equal(200, (await grain.GetAsync())!.Definition.Rounds.Single(r => r.Id == "p2").Stock["market-10-50"]);
    }

    [Fact]
    public async Task UnbalancedOpenedOrForeignReallocationsChangeNothing()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: 100));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);

        Assert.Equal(StockReallocationResult.Unbalanced, (await grain.ReallocateAsync("p2", new Dictionary<string, int> { ["fuel-20-200"] = 50, ["market-10-50"] = 201 })).Result);
        Assert.Equal(StockReallocationResult.RoundOpened, (await grain.ReallocateAsync("p1", new Dictionary<string, int> { ["fuel-20-200"] = 50, ["market-10-50"] = 200 })).Result);
        Assert.Equal(StockReallocationResult.CouponTypeNotInRound, (await grain.ReallocateAsync("p2", new Dictionary<string, int> { ["fuel-20-200"] = 50, ["car-3000"] = 0 })).Result);
        Assert.Equal(StockReallocationResult.RoundNotFound, (await grain.ReallocateAsync("p9", new Dictionary<string, int> { ["fuel-20-200"] = 50 })).Result);

        Assert.Equal(campaign.Rounds.Select(r => r.Stock), (await grain.GetAsync())!.Definition.Rounds.Select(r => r.Stock));
        Assert.Equal(100, (await fixture.StockAsync(campaign, "p2", "fuel-20-200")).Stock);
        Assert.Equal(100, (await fixture.StockAsync(campaign, "p1", "market-10-50")).Stock);
    }
}
