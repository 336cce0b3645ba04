namespace Claims.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ClaimRefusalTests(ClusterFixture fixture)
{
    [Fact]
    public async Task EmptyPoolRefusesWithSoldOut()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: 1));
        Assert.NotNull((await fixture.ClaimAsync(campaign, "first", "dining-10-50")).Coupon);

        var outcome = await fixture.ClaimAsync(campaign, "second", "dining-10-50");

        Assert.Equal(ClaimRefusal.SoldOut, outcome.Refusal);
    }

    [Fact]
    public async Task ClaimBeforeTheRoundOpensOrAfterItClosesIsRefused()
    {
        var now = fixture.Clock.GetUtcNow();
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(now) with
        {
            Rounds = [TestCampaigns.Round("p1", "1", now.AddHours(1), now.AddHours(2), 10)],
        });

        Assert.Equal(ClaimRefusal.RoundNotOpen, (await fixture.ClaimAsync(campaign, "early", "market-10-50")).Refusal);

        var closed = await fixture.CreateAsync(TestCampaigns.Open(now) with
        {
            Rounds = [TestCampaigns.Round("p1", "1", now.AddHours(-2), now.AddHours(-1), 10)],
        });
        Assert.Equal(ClaimRefusal.RoundNotOpen, (await fixture.ClaimAsync(closed, "late", "market-10-50")).Refusal);
        Assert.Equal(10, (await fixture.StockAsync(closed, "p1", "market-10-50")).Remaining);
    }

    [Fact]
    public async Task PausedCampaignRefusesUntilResumed()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);

        Assert.Equal(CampaignStatus.Paused, (await grain.PauseAsync())!.Status);
        Assert.Equal(ClaimRefusal.CampaignPaused, (await fixture.ClaimAsync(campaign, "patient", "market-10-50")).Refusal);

        await grain.ResumeAsync();
        Assert.NotNull((await fixture.ClaimAsync(campaign, "patient", "market-10-50")).Coupon);
    }

    [Fact]
    public async Task ResidentOutsideTheRegionIsRefused()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));

        var outcome = await fixture.ClaimAsync(campaign, "visitor", "market-10-50", regionCode: "110101");

        Assert.Equal(ClaimRefusal.RegionNotEligible, outcome.Refusal);
    }

    [Fact]
    public async Task ListOnlyCouponCannotBeClaimed()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));

        var outcome = await fixture.ClaimAsync(campaign, "someone", "love-1000");

        Assert.Equal(ClaimRefusal.NotOnList, outcome.Refusal);
        // Sent to the supermarket quota grain, whose scope the type is not in.
        var quota = fixture.Grains.GetGrain<IQuotaGrain>(GrainKeys.Quota(campaign.Id, "someone", "supermarket", campaign.QuotaGrains));
        var scoped = Assert.Single(await quota.ClaimAsync([new("someone", new ClaimRequest("love-1000", "410423", "r2"))]));
        Assert.Equal(ClaimRefusal.UnknownCouponType, scoped.Refusal);
    }

    [Fact]
    public async Task ListOnlyCouponRoutedToTheCrossIndustryQuotaIsNotOnList()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(
            fixture.Clock.GetUtcNow(),
            limits: [new(LimitPeriod.Round, LimitGrouping.All, 3, null)]));

        var outcome = await fixture.ClaimAsync(campaign, "someone", "love-1000");

        Assert.Equal(ClaimRefusal.NotOnList, outcome.Refusal);
    }

    [Fact]
    public async Task BlacklistedResidentIsRefused()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));

        Assert.Equal(ClaimRefusal.Blacklisted, (await fixture.ClaimAsync(campaign, "cheater", "market-10-50")).Refusal);
    }

    [Fact]
    public async Task UnknownCampaignIsRefused()
    {
        var quota = fixture.Grains.GetGrain<IQuotaGrain>(GrainKeys.Quota("no-such-campaign", "someone", "supermarket", QuotaShards.Count));
        var outcome = Assert.Single(await quota.ClaimAsync([new("someone", new ClaimRequest("market-10-50", "410423", "r1"))]));

        Assert.Equal(ClaimRefusal.UnknownCampaign, outcome.Refusal);
        Assert.Null(await fixture.Campaigns.FindRoutesAsync("no-such-campaign"));
    }

    [Fact]
    public async Task OnePerIndustryPerPhaseAllowsOtherIndustriesAndTheNextPhase()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));

        Assert.NotNull((await fixture.ClaimAsync(campaign, "lushan", "market-10-50")).Coupon);
        Assert.Equal(ClaimRefusal.LimitReached, (await fixture.ClaimAsync(campaign, "lushan", "market-20-100")).Refusal);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "lushan", "dining-10-50")).Coupon);

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        var nextPhase = await fixture.ClaimAsync(campaign, "lushan", "market-20-100");
        Assert.Equal("p2", nextPhase.Coupon?.RoundId);
        Assert.Equal(ClaimRefusal.LimitReached, (await fixture.ClaimAsync(campaign, "lushan", "market-10-50")).Refusal);
    }

    [Fact]
    public async Task OnePerCampaignForCarsHoldsAcrossRounds()
    {
        var now = fixture.Clock.GetUtcNow();
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(
            now,
            limits: [new(LimitPeriod.Campaign, LimitGrouping.Industry, 1, ["fuel"]), new(LimitPeriod.Round, LimitGrouping.CouponType, 1, null)]));

        Assert.NotNull((await fixture.ClaimAsync(campaign, "driver", "fuel-20-200")).Coupon);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "driver", "market-10-50")).Coupon);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "driver", "market-20-100")).Coupon);
        Assert.Equal(ClaimRefusal.LimitReached, (await fixture.ClaimAsync(campaign, "driver", "market-10-50")).Refusal);

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(ClaimRefusal.LimitReached, (await fixture.ClaimAsync(campaign, "driver", "fuel-20-200")).Refusal);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "driver", "market-10-50")).Coupon);
    }
}
