namespace Claims.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ClaimRushTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TwentyThousandResidentsRacingForAThousandCouponsLeaveExactlyAThousandWinners()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: 1000));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = Enumerable.Range(0, 20_000).Select(async i =>
        {
            await start.Task;
            return await fixture.ClaimAsync(campaign, $"resident-{i}", "market-10-50");
        }).ToList();

        start.SetResult();
        var outcomes = await Task.WhenAll(claims);

        Assert.Equal(1000, outcomes.Count(o => o.Coupon is not null));
        Assert.Equal(19_000, outcomes.Count(o => o.Refusal == ClaimRefusal.SoldOut));
        Assert.Equal(1000, outcomes.Select(o => o.Coupon?.CouponId).OfType<string>().Distinct().Count());
        var stock = await fixture.StockAsync(campaign, "p1", "market-10-50");
        Assert.Equal(0, stock.Remaining);
    }

    [Fact]
    public async Task ClaimsAPoolDecidesAloneNeverTakeAResidentPastTheLimitOrThePoolPastItsStock()
    {
        // Three of each type a round: every type's pool holds all its limit counts, so claims go
        // straight to it, past the quota grains.
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: 500, limits: [new(LimitPeriod.Round, LimitGrouping.CouponType, 3, null)]));
        var routes = (await fixture.Campaigns.FindRoutesAsync(campaign.Id))!;
        Assert.True(routes.Find("dining-10-50")!.Round("p1")!.Direct);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // 200 residents tapping 5 times at once each, with a key per tap, for 500 coupons.
        var claims = Enumerable.Range(0, 1000).Select(async i =>
        {
            await start.Task;
            return (Resident: $"tapper-{i % 200}", Outcome: await fixture.ClaimAsync(campaign, $"tapper-{i % 200}", "dining-10-50", requestKey: $"k:{i}"));
        }).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(claims);

        var granted = outcomes.Where(o => o.Outcome.Coupon is not null).ToList();
        Assert.Equal(500, granted.Count);
        Assert.Equal(500, granted.Select(o => o.Outcome.Coupon!.CouponId).Distinct().Count());
        Assert.All(granted.GroupBy(o => o.Resident), g => Assert.InRange(g.Count(), 1, 3));
        Assert.All(outcomes.Where(o => o.Outcome.Coupon is null), o => Assert.Contains(o.Outcome.Refusal, new ClaimRefusal?[] { ClaimRefusal.LimitReached, ClaimRefusal.SoldOut }));
        Assert.Equal(0, (await fixture.StockAsync(campaign, "p1", "dining-10-50")).Remaining);
        var quota = fixture.Grains.GetGrain<IQuotaGrain>(GrainKeys.Quota(campaign.Id, "tapper-0", "dining", campaign.QuotaGrains));
        Assert.Equal(0, await fixture.Grains.GetGrain<IManagementGrain>(0).GetGrainActivationCount((GrainReference)quota));
    }

    [Fact]
    public async Task OneResidentSendingTwoHundredParallelClaimsGetsExactlyTheLimit()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string[] types = ["market-10-50", "market-20-100"];
        var claims = Enumerable.Range(0, 200).Select(async i =>
        {
            await start.Task;
            return await fixture.ClaimAsync(campaign, "eager", types[i % 2]);
        }).ToList();

        start.SetResult();
        var outcomes = await Task.WhenAll(claims);

        Assert.Single(outcomes, o => o.Coupon is not null);
        Assert.Equal(199, outcomes.Count(o => o.Refusal == ClaimRefusal.LimitReached));
        Assert.Single(await fixture.WalletAsync(campaign, "eager"));
    }

    [Fact]
    public async Task CrossIndustryLimitHoldsWhenOneResidentRacesEveryIndustry()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(
            fixture.Clock.GetUtcNow(),
            limits: [new(LimitPeriod.Round, LimitGrouping.All, 3, null), new(LimitPeriod.Round, LimitGrouping.CouponType, 1, null)]));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string[] types = ["market-10-50", "market-20-100", "dining-10-50", "fuel-20-200"];
        var claims = Enumerable.Range(0, 120).Select(async i =>
        {
            await start.Task;
            return await fixture.ClaimAsync(campaign, "gaoping-resident", types[i % types.Length]);
        }).ToList();

        start.SetResult();
        var outcomes = await Task.WhenAll(claims);

        var granted = outcomes.Select(o => o.Coupon).OfType<Coupon>().ToList();
        Assert.Equal(3, granted.Count);
        Assert.Equal(3, granted.Select(c => c.CouponTypeId).Distinct().Count());
        Assert.Equal(3, (await fixture.WalletAsync(campaign, "gaoping-resident")).Count);
    }

    [Fact]
    public async Task ConcurrentReplaysOfOneIdempotencyKeyReturnOneCoupon()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(
            fixture.Clock.GetUtcNow(),
            limits: [new(LimitPeriod.Round, LimitGrouping.CouponType, 5, null)]));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = Enumerable.Range(0, 100).Select(async _ =>
        {
            await start.Task;
            return await fixture.ClaimAsync(campaign, "retrier", "market-10-50", requestKey: "k:tap-1");
        }).ToList();

        start.SetResult();
        var outcomes = await Task.WhenAll(claims);

        Assert.All(outcomes, o => Assert.NotNull(o.Coupon));
        Assert.Single(outcomes.Select(o => o.Coupon!.CouponId).Distinct());
        Assert.Equal(1, (await fixture.StockAsync(campaign, "p1", "market-10-50")).Granted);
    }
}
