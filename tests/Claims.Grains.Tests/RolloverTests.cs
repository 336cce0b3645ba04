using Claims.Contracts.Reports;
using Orleans.Core.Internal;

namespace Claims.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RolloverTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AtTheCloseUnclaimedStockAndExpiredCouponsRollIntoTheNextRound()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var used = await fixture.ClaimedAsync(campaign, "user");
        await fixture.ClaimedAsync(campaign, "forgetful-1");
        await fixture.ClaimedAsync(campaign, "forgetful-2");
        await fixture.RedeemAsync(await fixture.MerchantAsync(), "o-1", used, 50);

        fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        await fixture.TickAsync(campaign);

        var p1 = await fixture.StockAsync(campaign, "p1", "market-10-50");
        var p2 = await fixture.StockAsync(campaign, "p2", "market-10-50");
        Assert.Equal((true, 3, 1, 2, 9, 0), (p1.Closed, p1.Granted, p1.Redeemed, p1.Expired, p1.RolledOut, p1.Remaining));
        Assert.Equal((10, 9, 19), (p2.Stock, p2.RolledIn, p2.Remaining));
        Assert.Equal(10, (await fixture.StockAsync(campaign, "p2", "car-3000")).RolledIn);
        Assert.Equal(
            [CouponStatus.Expired, CouponStatus.Expired],
            [.. (await fixture.WalletAsync(campaign, "forgetful-1")).Concat(await fixture.WalletAsync(campaign, "forgetful-2")).Select(c => c.Status)]);

        // Ticking again, or a restart of either pool (which pushes its totals again), passes nothing twice.
        await fixture.TickAsync(campaign);
        foreach (var round in new[] { "p1", "p2" })
        {
            await fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, round, "market-10-50"))
                .Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        }

        await fixture.TickAsync(campaign);
        Assert.Equal((9, 2), ((await fixture.StockAsync(campaign, "p2", "market-10-50")).RolledIn, (await fixture.StockAsync(campaign, "p1", "market-10-50")).Expired));
    }

    [Fact]
    public async Task RolledInStockIsClaimedInTheNextRound()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow(), stock: 2));
        fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        await fixture.TickAsync(campaign);
        fixture.Clock.Advance(TimeSpan.FromDays(1));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => fixture.ClaimAsync(campaign, $"phase2-{i}", "fuel-20-200")));

        Assert.Equal(4, outcomes.Count(o => o.Coupon is not null));
        Assert.Equal(2, outcomes.Count(o => o.Refusal == ClaimRefusal.SoldOut));
    }

    [Fact]
    public async Task TheReminderClosesRoundsWithNobodyCalling()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        fixture.Clock.Advance(TimeSpan.FromDays(1.5));

        // Reminders tick every second in these tests; wait for one, no longer than a generous bound.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await fixture.StockAsync(campaign, "p1", "dining-10-50")).Closed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True((await fixture.StockAsync(campaign, "p1", "dining-10-50")).Closed);
    }

    [Fact]
    public async Task ClaimsAndRedemptionsRacingTheCloseLoseAndDuplicateNothing()
    {
        var now = fixture.Clock.GetUtcNow();
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(now, stock: 300) with
        {
            Rounds =
            [
                TestCampaigns.Round("p1", "1", now.AddHours(-1), now.AddSeconds(2), 300, new(null, null, true)),
                TestCampaigns.Round("p2", "2", now.AddDays(2), now.AddDays(3), 300, new(null, null, true)),
            ],
        });
        var merchant = await fixture.MerchantAsync();
        var early = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => fixture.ClaimedAsync(campaign, $"early-{i}")));
        using var start = new Barrier(3);

        var claims = Task.Run(async () =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return await Task.WhenAll(Enumerable.Range(0, 400).Select(i => fixture.ClaimAsync(campaign, $"racer-{i}", "market-10-50")));
        });
        var redemptions = Task.Run(async () =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return await Task.WhenAll(early.Select((c, i) => fixture.RedeemAsync(merchant, $"o-{i}", c, 50)));
        });
        start.SignalAndWait(TestContext.Current.CancellationToken);
        fixture.Clock.Advance(TimeSpan.FromSeconds(3));
        await fixture.TickAsync(campaign);
        var claimed = (await claims).Count(o => o.Coupon is not null);
        var redeemed = (await redemptions).Count(o => o.Receipt is not null);
        await fixture.TickAsync(campaign);

        var p1 = await fixture.StockAsync(campaign, "p1", "market-10-50");
        var p2 = await fixture.StockAsync(campaign, "p2", "market-10-50");
        Assert.Equal(50 + claimed, p1.Granted);
        Assert.True(p1.Granted <= 300);
        Assert.Equal(redeemed, p1.Redeemed);
        Assert.Equal(p1.Granted - p1.Redeemed, p1.Expired);
        Assert.Equal(300 - p1.Granted + p1.Expired, p1.RolledOut);
        Assert.Equal(p1.RolledOut, p2.RolledIn);
    }

    [Fact]
    public async Task AnOperatorRoutesARoundsLeftoverIntoAnotherIndustryOfTheNextRoundValueForValue()
    {
        // 001: 发放后期…打破行业界限. p1's unclaimed supermarket coupons of 10 go to p2's fuel coupons of 20.
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => fixture.ClaimedAsync(campaign, $"shopper-{i}")));

        var routed = await grain.RouteRolloverAsync("p1", new Dictionary<string, string> { ["market-10-50"] = "fuel-20-200" });

        Assert.Equal(RoundRevisionResult.Changed, routed.Result);
        fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        await fixture.TickAsync(campaign);

        // 7 unclaimed × 10 yuan = 70 yuan: three fuel coupons of 20, the last 10 yuan to the fund.
        // The 3 claimed and expired go on as their own type.
        Assert.Equal(10 + 10 + 3, (await fixture.StockAsync(campaign, "p2", "fuel-20-200")).Capacity);
        Assert.Equal(3, (await fixture.StockAsync(campaign, "p2", "market-10-50")).RolledIn);
        Assert.Equal(10, (await fixture.StockAsync(campaign, "p1", "market-10-50")).RolledOut);
        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        var lines = (await reports.BuildAsync())!.Lines.ToDictionary(l => (l.RoundId, l.CouponTypeId));
        Assert.Equal((13, 3), (lines[("p2", "fuel-20-200")].RolledIn, lines[("p2", "market-10-50")].RolledIn));
        Assert.Empty((await reports.ReconcileAsync())!.Differences);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        var drivers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => fixture.ClaimAsync(campaign, $"driver-{i}", "fuel-20-200")));
        Assert.Equal(23, drivers.Count(d => d.Coupon is not null));
    }

    [Fact]
    public async Task ARouteIntoAnotherFundAListOnlyTypeOrAfterTheCloseIsRefusedAndChangesNothing()
    {
        var now = fixture.Clock.GetUtcNow();
        var lifecycle = TestCampaigns.Lifecycle(now);
        var campaign = await fixture.CreateAsync(lifecycle with
        {
            Funds = [.. lifecycle.Funds, new("province", 1_000_000)],
            Rounds = [.. lifecycle.Rounds, TestCampaigns.Round("p3", "3", now.AddDays(4), now.AddDays(5), 5) with { Fund = "province", Stock = new Dictionary<string, int> { ["dining-10-50"] = 5 } }],
        });
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);

        Assert.Equal(RoundRevisionResult.Invalid, (await grain.RouteRolloverAsync("p2", new Dictionary<string, string> { ["market-10-50"] = "dining-10-50" })).Result);
        Assert.Equal(RoundRevisionResult.Invalid, (await grain.RouteRolloverAsync("p1", new Dictionary<string, string> { ["market-10-50"] = "love-1000" })).Result);
        Assert.Equal(RoundRevisionResult.Invalid, (await grain.RouteRolloverAsync("p1", new Dictionary<string, string> { ["car-9"] = "fuel-20-200" })).Result);
        Assert.Equal(RoundRevisionResult.RoundNotFound, (await grain.RouteRolloverAsync("p9", new Dictionary<string, string>())).Result);
        fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(RoundRevisionResult.RoundClosed, (await grain.RouteRolloverAsync("p1", new Dictionary<string, string> { ["market-10-50"] = "fuel-20-200" })).Result);

        var snapshot = (await grain.GetAsync())!;
        Assert.Equal(0, snapshot.Revision);
        Assert.All(snapshot.Definition.Rounds, r => Assert.Null(r.RollInto));
    }
}
