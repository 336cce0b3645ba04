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
    public async Task AnUnknownCampaignHasNoReport() =>
        Assert.Null(await fixture.Grains.GetGrain<ICampaignReportGrain>("no-such-campaign").BuildAsync());
}
