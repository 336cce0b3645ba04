using Claims.Contracts.Reports;
using Claims.Grains.Events;
using Orleans.Core.Internal;

namespace Claims.Grains.Tests;

/// <summary>A campaign changes while it runs (Zhumadian sets its later periods from redemption data): rounds added, unopened rounds changed, validities extended, each validated as creation is.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RoundRevisionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ARoundAddedMidCampaignTakesTheLeftoversOfTheRoundBeforeIt()
    {
        var now = fixture.Clock.GetUtcNow();
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(now));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);
        await fixture.StockAsync(campaign, "p2", "market-10-50");

        var p3 = TestCampaigns.Round("p3", "3", now.AddDays(4), now.AddDays(5), 5, new(null, null, true));
        var revision = await grain.ReviseRoundAsync(p3);

        Assert.Equal((RoundRevisionResult.Added, 1), (revision.Result, revision.Campaign!.Revision));
        Assert.Equal((RoundRevisionResult.Changed, 1), ((await grain.ReviseRoundAsync(p3)) is var again ? again.Result : default, again.Campaign!.Revision));
        Assert.Single((await fixture.Ledger.ReadAsync(campaign.Id)).OfType<RoundRevised>());

        // p2 closes with its 10 unclaimed: they now roll into p3 instead of returning to the fund.
        fixture.Clock.Advance(TimeSpan.FromDays(3.5));
        await fixture.TickAsync(campaign);
        Assert.Equal((0, 20), ((await fixture.StockAsync(campaign, "p2", "market-10-50")).ReturnedToFund, (await fixture.StockAsync(campaign, "p3", "market-10-50")).RolledIn));
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.NotNull((await fixture.ClaimAsync(campaign, "late-comer", "market-10-50")).Coupon);
    }

    [Fact]
    public async Task AnUnopenedRoundsDatesAndStockChangeInPoolsAlreadyActive()
    {
        var now = fixture.Clock.GetUtcNow();
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(now));
        Assert.Equal(10, (await fixture.StockAsync(campaign, "p2", "fuel-20-200")).Stock);

        var p2 = campaign.Rounds.Single(r => r.Id == "p2");
        var moved = p2 with { OpensAt = p2.OpensAt.AddDays(1), ClosesAt = p2.ClosesAt.AddDays(1), Stock = new Dictionary<string, int>(p2.Stock) { ["fuel-20-200"] = 30 } };
        Assert.Equal(RoundRevisionResult.Changed, (await fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id).ReviseRoundAsync(moved)).Result);

        Assert.Equal(30, (await fixture.StockAsync(campaign, "p2", "fuel-20-200")).Stock);
        fixture.Clock.Advance(TimeSpan.FromDays(2.5));
        Assert.Equal(ClaimRefusal.RoundNotOpen, (await fixture.ClaimAsync(campaign, "early-bird", "fuel-20-200")).Refusal);
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => fixture.ClaimAsync(campaign, $"driver-{i}", "fuel-20-200")));
        Assert.Equal(30, outcomes.Count(o => o.Coupon is not null));
    }

    [Fact]
    public async Task AnOpenedRoundARoundTooSoonOrOneOverTheBudgetIsRefusedAndChangesNothing()
    {
        var now = fixture.Clock.GetUtcNow();
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(now));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);
        var p1 = campaign.Rounds.Single(r => r.Id == "p1");

        Assert.Equal(RoundRevisionResult.RoundOpened, (await grain.ReviseRoundAsync(p1 with { ClosesAt = p1.ClosesAt.AddDays(1) })).Result);
        Assert.Equal(RoundRevisionResult.RoundOpened, (await grain.ReviseRoundAsync(TestCampaigns.Round("soon", "9", now.AddSeconds(10), now.AddDays(1), 1))).Result);
        var tooDear = await grain.ReviseRoundAsync(TestCampaigns.Round("dear", "9", now.AddDays(4), now.AddDays(5), 1_000_000));
        Assert.Equal(RoundRevisionResult.Invalid, tooDear.Result);
        Assert.Contains(tooDear.Violations, v => v.Code == "fund_exceeded");

        var after = (await grain.GetAsync())!;
        Assert.Equal((0, 2), (after.Revision, after.Definition.Rounds.Count));
        Assert.Empty((await fixture.Ledger.ReadAsync(campaign.Id)).OfType<RoundRevised>());
    }

    [Fact]
    public async Task AnExtendedValidityKeepsGrantedCouponsUsableAndExpiresThemAtTheNewEnd()
    {
        var now = fixture.Clock.GetUtcNow();
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(now));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);
        var coupons = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fixture.ClaimedAsync(campaign, $"late-shopper-{i}")));
        var merchant = await fixture.MerchantAsync();

        var revision = await grain.ExtendValidityAsync("p1", now.AddDays(1.8));

        Assert.Equal(RoundRevisionResult.Changed, revision.Result);
        Assert.Equal(now.AddDays(1.8), Assert.Single(await fixture.WalletAsync(campaign, "late-shopper-0")).ValidUntil);
        Assert.Equal(now.AddDays(1.8), (await fixture.ClaimedAsync(campaign, "after-the-extension")).ValidUntil);

        // Past the round's close, the coupons still work, also in a pool activated again.
        fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        await fixture.TickAsync(campaign);
        await fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "market-10-50")).Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        Assert.NotNull((await fixture.RedeemAsync(merchant, "o-1", coupons[0], 60)).Receipt);
        Assert.Equal(CouponStatus.Claimed, Assert.Single(await fixture.WalletAsync(campaign, "late-shopper-1")).Status);

        // At the new end the rest expire, and their value goes on to p2.
        fixture.Clock.Advance(TimeSpan.FromDays(0.4));
        await fixture.TickAsync(campaign);
        Assert.Equal(RedemptionRefusal.Expired, (await fixture.RedeemAsync(merchant, "o-2", coupons[1], 60)).Refusal);
        var p1 = await fixture.StockAsync(campaign, "p1", "market-10-50");
        Assert.Equal((1, 4), (p1.Redeemed, p1.Expired));
        Assert.Empty((await fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id).ReconcileAsync())!.Differences);
    }

    [Fact]
    public async Task AnExtensionThatLengthensNothingOrOfNoRoundIsRefusedAndChangesNothing()
    {
        var now = fixture.Clock.GetUtcNow();
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(now));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);

        Assert.Equal(RoundRevisionResult.NotExtended, (await grain.ExtendValidityAsync("p1", now.AddHours(-2))).Result);
        Assert.Equal(RoundRevisionResult.NotExtended, (await grain.ExtendValidityAsync("p1", now.AddHours(12))).Result);
        Assert.Equal(RoundRevisionResult.RoundNotFound, (await grain.ExtendValidityAsync("p9", now.AddDays(5))).Result);
        Assert.Equal(RoundRevisionResult.Invalid, (await grain.ExtendValidityAsync("p1", now.AddDays(4000))).Result);

        var snapshot = (await grain.GetAsync())!;
        Assert.Equal(0, snapshot.Revision);
        Assert.Null(snapshot.Definition.Rounds.Single(r => r.Id == "p1").Validity.Extensions);
    }
}
