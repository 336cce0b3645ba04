namespace Claims.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ListGrantTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ListGrantsAreOnePerResidentAndBoundedByTheStock()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var pool = fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "love-1000"));

        var first = await pool.GrantListedAsync([.. Enumerable.Range(0, 6).Select(i => $"family-{i}")]);
        var second = await pool.GrantListedAsync([.. Enumerable.Range(3, 9).Select(i => $"family-{i}")]);

        Assert.All(first, r => Assert.NotNull(r.Coupon));
        Assert.Equal(3, second.Count(r => r.AlreadyHeld));
        Assert.Equal(4, second.Count(r => r.Coupon is not null && !r.AlreadyHeld));
        Assert.Equal(["family-10", "family-11"], second.Where(r => r.Refusal == ClaimRefusal.SoldOut).Select(r => r.UserId));
        Assert.Equal(first.Single(r => r.UserId == "family-4").Coupon, second.Single(r => r.UserId == "family-4").Coupon);
        Assert.Equal(10, (await pool.GetStockAsync()).Granted);
    }

    [Fact]
    public async Task ResidentsOnTheListSeeTheirCouponAndOthersAreRefused()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var granted = (await fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "love-1000")).GrantListedAsync(["listed"]))[0].Coupon;

        Assert.Equal(granted, (await fixture.ClaimAsync(campaign, "listed", "love-1000")).Coupon);
        Assert.Equal(ClaimRefusal.NotOnList, (await fixture.ClaimAsync(campaign, "not-listed", "love-1000")).Refusal);
        Assert.Equal(granted, Assert.Single(await fixture.WalletAsync(campaign, "listed")));
        Assert.NotNull((await fixture.ClaimAsync(campaign, "listed", "market-10-50")).Coupon);
    }
}
