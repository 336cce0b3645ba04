using Claims.Contracts.Reports;
using Claims.Grains.Reports;

namespace Claims.Grains.Tests;

/// <summary>Co-funded rounds (002: four funders; 004: province and city): settlement per fund follows the shares to the fen.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CoFundingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task EachFundPaysItsShareOfEveryOrderRoundedDownToTheFenAndTheLastTheRest()
    {
        var now = fixture.Clock.GetUtcNow();
        var open = TestCampaigns.Open(now);
        var round = open.Rounds[0] with { CoFunding = [new("county", 0.3333m), new("province", 0.3333m), new("city", 0.3334m)] };
        var campaign = await fixture.CreateAsync(open with
        {
            Funds = [new("county", 10_000_000), new("province", 10_000_000), new("city", 10_000_000)],
            Rounds = [round, open.Rounds[1]],
        });
        var merchant = await fixture.MerchantAsync();
        var coupons = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => fixture.ClaimedAsync(campaign, $"buyer-{i}")));
        await Task.WhenAll(coupons.Select((c, i) => fixture.RedeemAsync(merchant, $"o-{i}", c, 60)));

        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        var settlement = (await reports.SettleAsync())!;

        // 10 yuan a coupon: 3.33, 3.33 and the rest, 3.34, per order.
        Assert.Equal(
            [new MerchantSettlement("city", merchant, 3, 10.02m), new MerchantSettlement("county", merchant, 3, 9.99m), new MerchantSettlement("province", merchant, 3, 9.99m)],
            settlement.Merchants);
        Assert.Equal(30m, settlement.Funds.Sum(f => f.Paid));
        Assert.Empty((await reports.ReconcileAsync())!.Differences);
    }

    [Theory]
    [InlineData(10, 0.3333, 0.3333, 0.3334)]
    [InlineData(0.01, 0.5, 0.25, 0.25)]
    [InlineData(3000, 0.4, 0.6, 0)]
    [InlineData(99.99, 0.1, 0.2, 0.7)]
    public void ThePartsAddUpToTheAmountAndOnlyTheLastIsAboveItsShareByUnderAFenPerOtherFund(decimal amount, decimal first, decimal second, decimal third)
    {
        var shares = new[] { new FundShare("a", first), new FundShare("b", second), new FundShare("c", third) }.Where(s => s.Share > 0).ToArray();
        var round = TestCampaigns.Round("p1", "1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), 1) with { Fund = "a", CoFunding = shares };

        var parts = FundSplit.Of(round, amount);

        Assert.Equal(amount, parts.Sum(p => p.Amount));
        Assert.All(parts.Zip(shares).SkipLast(1), p => Assert.InRange(p.First.Amount, (amount * p.Second.Share) - 0.01m, amount * p.Second.Share));
        Assert.InRange(parts[^1].Amount - (amount * shares[^1].Share), 0, 0.01m * (shares.Length - 1));
    }
}
