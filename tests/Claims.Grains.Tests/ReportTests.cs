using Claims.Contracts.Reports;

namespace Claims.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ReportTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TheReportFoldsClaimsRedemptionsRefundsExpiryAndRolloverFromTheLedger()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var coupons = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => fixture.ClaimedAsync(campaign, $"r{i}")));
        var merchant = await fixture.MerchantAsync();
        await fixture.RedeemAsync(merchant, "o-0", coupons[0], 60);
        await fixture.RedeemAsync(merchant, "o-1", coupons[1], 80);
        await fixture.RefundAsync(merchant, "o-1");
        fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        await fixture.TickAsync(campaign);

        var report = (await fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id).BuildAsync())!;

        var p1 = report.Lines.Single(l => l.RoundId == "p1" && l.CouponTypeId == "market-10-50");
        Assert.Equal((10, 5, 50m, 0.5m, 5), (p1.Stock, p1.Claimed, p1.ClaimedValue, p1.Coverage, p1.Residents));
        Assert.Equal((2, 20m, 0.4m, 1, 10m), (p1.Redeemed, p1.RedeemedValue, p1.RedemptionRate, p1.Refunded, p1.RefundedValue));

        // 3 unused coupons expired and 6 never claimed (10 + the refunded one − 5) rolled into phase 2.
        Assert.Equal((3, 9, 0), (p1.Expired, p1.RolledOver, p1.ReturnedToFund));
        Assert.Equal((60m, 6m), (p1.OrderTotal, p1.Leverage));
        Assert.Equal(9, report.Lines.Single(l => l.RoundId == "p2" && l.CouponTypeId == "market-10-50").RolledIn);
        Assert.Equal(new MerchantReportLine(merchant, 1, 10, 60), Assert.Single(report.Merchants));
    }

    [Fact]
    public async Task AGrantIsAnsweredOnlyOnceItsJournalAppendIsInTheLedger()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        var release = fixture.Ledger.Hold(campaign.Id, out var reached);
        Task<ClaimOutcome> claim;
        try
        {
            claim = fixture.ClaimAsync(campaign, "early", "market-10-50");
            await reached;

            // The append is on its way to the ledger and not in it: the claim waits, and the report has no grant.
            Assert.False(claim.IsCompleted);
            Assert.Equal(0, Line(await reports.BuildAsync()).Claimed);
        }
        finally
        {
            release();
        }

        Assert.NotNull((await claim).Coupon);
        var line = Line(await reports.BuildAsync());
        Assert.Equal((1, 1), (line.Claimed, line.Residents));

        static ReportLine Line(CampaignReport? report) => report!.Lines.Single(l => l.RoundId == "p1" && l.CouponTypeId == "market-10-50");
    }

    [Fact]
    public async Task SettlementPaysMerchantsPerFundNetOfRefundsAndReturnsTheLeftover()
    {
        var now = fixture.Clock.GetUtcNow();
        var open = TestCampaigns.Open(now);
        var campaign = await fixture.CreateAsync(open with
        {
            Funds = [new("county", 10_000), new("platform", 1_000.5m)],
            Rounds =
            [
                new("p1", "1", "county", now.AddHours(-1), now.AddDays(1), new(7, null, false), new Dictionary<string, int> { ["market-10-50"] = 10 }),
                new("q1", "1", "platform", now.AddHours(-1), now.AddDays(1), new(7, null, false), new Dictionary<string, int> { ["dining-10-50"] = 10 }),
            ],
        });
        var market = await fixture.ClaimedAsync(campaign, "shopper", "market-10-50");
        var dining = await fixture.ClaimedAsync(campaign, "shopper", "dining-10-50");
        var otherDining = await fixture.ClaimedAsync(campaign, "diner", "dining-10-50");
        var anyShop = await fixture.MerchantAsync(["any"]);
        var restaurant = await fixture.MerchantAsync(["dining"]);
        await fixture.RedeemAsync(anyShop, "o-1", market, 55.55m);
        await fixture.RedeemAsync(anyShop, "o-2", dining, 66.66m);
        await fixture.RedeemAsync(restaurant, "o-3", otherDining, 77.77m);
        await fixture.RefundAsync(restaurant, "o-3");

        var settlement = (await fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id).SettleAsync())!;

        Assert.Equal(
            [new FundSettlement("county", 10_000, 10, 9_990), new FundSettlement("platform", 1_000.5m, 10, 990.5m)],
            settlement.Funds);
        Assert.Equal(
            [new MerchantSettlement("county", anyShop, 1, 10), new MerchantSettlement("platform", anyShop, 1, 10), new MerchantSettlement("platform", restaurant, 0, 0)],
            settlement.Merchants.OrderBy(m => m.Fund).ThenBy(m => m.MerchantId == restaurant));
    }

    [Fact]
    public async Task StockReachingARoundThatHasAlreadyClosedIsReportedWhereThePoolsPassedItOn()
    {
        // Shanxi's rounds (001) can all close in one tick: what the first passes on reaches
        // rounds that have closed too, and they pass it on again.
        var now = fixture.Clock.GetUtcNow();
        ValidityDefinition untilClose = new(null, null, true);
        Dictionary<string, int> Stock() => new() { ["market-10-50"] = 10 };
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(now) with
        {
            Rounds =
            [
                new("p1", "1", "county", now.AddHours(-1), now.AddDays(1), untilClose, Stock()),
                new("p2", "2", "county", now.AddDays(1), now.AddDays(2), untilClose, Stock()),
                new("p3", "3", "county", now.AddDays(2), now.AddDays(3), untilClose, Stock()),
            ],
        });
        await fixture.ClaimedAsync(campaign, "early-1");
        await fixture.ClaimedAsync(campaign, "early-2");
        fixture.Clock.Advance(TimeSpan.FromDays(4));
        await fixture.TickAsync(campaign);

        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        var lines = (await reports.BuildAsync())!.Lines.ToDictionary(l => l.RoundId);

        Assert.Equal((0, 2, 10, 0), (lines["p1"].RolledIn, lines["p1"].Expired, lines["p1"].RolledOver, lines["p1"].ReturnedToFund));
        Assert.Equal((10, 20, 0), (lines["p2"].RolledIn, lines["p2"].RolledOver, lines["p2"].ReturnedToFund));
        Assert.Equal((20, 0, 30), (lines["p3"].RolledIn, lines["p3"].RolledOver, lines["p3"].ReturnedToFund));
        Assert.Empty((await reports.ReconcileAsync())!.Differences);
    }

    [Fact]
    public async Task TotalsCountEachResidentAndMerchantOnceAndDaysFollowTheCampaignsTimeZone()
    {
        // Seeds 000 and 003 ask for residents and merchants taking part, per campaign and industry.
        // Claims at 01:00 in Shanghai, redemptions at 00:30 the next day there.
        var local = TimeZoneInfo.ConvertTime(fixture.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).TimeOfDay;
        fixture.Clock.Advance(TimeSpan.FromTicks((TimeSpan.FromHours(25) - local).Ticks % TimeSpan.TicksPerDay));
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var market = await fixture.MerchantAsync(["any"]);
        var other = await fixture.MerchantAsync(["any"]);
        var coupons = new[]
        {
            await fixture.ClaimedAsync(campaign, "both", "market-10-50"),
            await fixture.ClaimedAsync(campaign, "both", "dining-10-50"),
            await fixture.ClaimedAsync(campaign, "shopper", "market-20-100"),
        };
        fixture.Clock.Advance(TimeSpan.FromHours(23.5));
        await fixture.RedeemAsync(market, "o-1", coupons[0], 60);
        await fixture.RedeemAsync(market, "o-2", coupons[1], 70);
        await fixture.RedeemAsync(other, "o-3", coupons[2], 150);
        await fixture.RefundAsync(other, "o-3");

        var report = (await fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id).BuildAsync())!;

        var totals = report.Totals!.ToDictionary(t => (t.Scope, t.Key));
        var all = totals[("campaign", "all")];
        Assert.Equal((2, 2, 3, 40m, 2, 20m, 1, 130m, 6.5m), (all.Residents, all.Merchants, all.Claimed, all.ClaimedValue, all.Redeemed, all.RedeemedValue, all.Refunded, all.OrderTotal, all.Leverage));
        Assert.Equal((2, 2, 2), (totals[("industry", "supermarket")].Residents, totals[("industry", "supermarket")].Merchants, totals[("industry", "supermarket")].Claimed));
        Assert.Equal((1, 1), (totals[("industry", "dining")].Residents, totals[("industry", "dining")].Merchants));
        Assert.Equal(all with { Scope = "fund", Key = "county" }, totals[("fund", "county")]);

        var days = report.Days!;
        Assert.Equal(2, days.Count);
        Assert.Equal((3, 2, 0), (days[0].Claimed, days[0].Residents, days[0].Redeemed));
        Assert.Equal((0, 2, 20m, 130m), (days[1].Claimed, days[1].Redeemed, days[1].RedeemedValue, days[1].OrderTotal));
        Assert.Equal(days[0].Date.AddDays(1), days[1].Date);
    }

    [Fact]
    public async Task EachClaimAndRedemptionKeepsTheRegionItCameFromAndTheReportSlicesByIt()
    {
        // 000 and 003: residents located in the region when claiming and when redeeming.
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var merchant = await fixture.MerchantAsync(["any"]);
        var north = (await fixture.ClaimAsync(campaign, "north-1", "market-10-50", regionCode: "410423001")).Coupon!;
        await fixture.ClaimAsync(campaign, "north-2", "market-10-50", regionCode: "410423001");
        var south = (await fixture.ClaimAsync(campaign, "south-1", "market-20-100", regionCode: "410423002")).Coupon!;
        await fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "love-1000")).GrantListedAsync(["family"]);

        Assert.Equal("410423001", north.ClaimRegion);
        var receipt = (await fixture.RedeemAsync(merchant, "o-1", north, 60, regionCode: "410423002")).Receipt!;
        Assert.Equal("410423002", receipt.RegionCode);
        await fixture.RedeemAsync(merchant, "o-2", south, 150, regionCode: "410423002");
        await fixture.RefundAsync(merchant, "o-2");

        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        var regions = (await reports.BuildAsync())!.Regions!.ToDictionary(r => r.RegionCode ?? "list");
        Assert.Equal(new ReportRegion("410423001", 2, 20, 2, 0, 0, 0), regions["410423001"]);
        Assert.Equal(new ReportRegion("410423002", 1, 20, 1, 1, 10, 60), regions["410423002"]);
        Assert.Equal(new ReportRegion(null, 1, 1000, 1, 0, 0, 0), regions["list"]);
        var audit = Assert.Single((await reports.SampleAsync(1, 0))!, r => r.OrderId == "o-1");
        Assert.Equal(("410423001", "410423002"), (audit.ClaimRegion, audit.RedemptionRegion));
    }

    [Fact]
    public async Task AnUnknownCampaignHasNoReportOrSettlement()
    {
        var grain = fixture.Grains.GetGrain<ICampaignReportGrain>("no-such-campaign");

        Assert.Null(await grain.BuildAsync());
        Assert.Null(await grain.SettleAsync());
    }
}
