using Claims.Contracts.Reports;

namespace Claims.Grains.Tests;

/// <summary>
/// Stored-value coupons (004: Gaoping's 1,000-yuan love coupons must not be lost after one order):
/// each order takes min(balance, order amount) until the balance is spent or the coupon expires, a
/// refund gives back what its order took, and the settlement pays what was taken.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoredValueTests(ClusterFixture fixture)
{
    [Fact]
    public async Task OrdersTakeFromTheBalanceUntilItIsSpent()
    {
        var (campaign, coupon) = await GrantedAsync();
        var shop = await fixture.MerchantAsync(["any"]);

        var first = (await fixture.RedeemAsync(shop, "o-1", coupon, 420)).Receipt!;
        var second = (await fixture.RedeemAsync(shop, "o-2", coupon, 500)).Receipt!;
        var last = (await fixture.RedeemAsync(shop, "o-3", coupon, 300)).Receipt!;

        Assert.Equal((420m, 580m), (first.Discount, first.BalanceLeft!.Value));
        Assert.Equal((500m, 80m), (second.Discount, second.BalanceLeft!.Value));
        Assert.Equal((80m, 220m, 0m), (last.Discount, last.Payable, last.BalanceLeft!.Value));
        Assert.Equal(first, (await fixture.RedeemAsync(shop, "o-1", coupon, 420)).Receipt);
        Assert.Equal(RedemptionRefusal.AlreadyUsed, (await fixture.RedeemAsync(shop, "o-4", coupon, 10)).Refusal);
        var held = Assert.Single(await fixture.WalletAsync(campaign, "household"));
        Assert.Equal((CouponStatus.Used, 0m), (held.Status, held.Balance!.Value));

        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        Assert.Equal(1000m, (await reports.SettleAsync())!.Funds.Single().Paid);
        var line = (await reports.BuildAsync())!.Lines.Single(l => l.RoundId == "p1" && l.CouponTypeId == "love-1000");
        Assert.Equal((3, 1000m), (line.Redeemed, line.RedeemedValue));
        Assert.Empty((await reports.ReconcileAsync())!.Differences);
    }

    [Fact]
    public async Task TillsRacingOnOneCouponNeverTakeMoreThanItsBalance()
    {
        var (campaign, coupon) = await GrantedAsync();
        var shops = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.MerchantAsync(["any"])));

        var outcomes = await AtOnce.RunAsync(12, i => fixture.RedeemAsync(shops[i % 4], $"till-{i}", coupon, 300));

        var receipts = outcomes.Select(o => o.Receipt).OfType<RedemptionReceipt>().ToList();
        Assert.Equal(1000m, receipts.Sum(r => r.Discount));
        Assert.Equal(4, receipts.Count);
        Assert.Equal(3, receipts.Count(r => r.Discount == 300));
        Assert.All(outcomes.Where(o => o.Receipt is null), o => Assert.Equal(RedemptionRefusal.AlreadyUsed, o.Refusal));
        Assert.Equal(4, (await fixture.StockAsync(campaign, "p1", "love-1000")).Redeemed);
    }

    [Fact]
    public async Task ARefundGivesBackWhatItsOrderTookAndTheCouponServesAgain()
    {
        var (campaign, coupon) = await GrantedAsync();
        var shop = await fixture.MerchantAsync(["any"]);
        await fixture.RedeemAsync(shop, "o-1", coupon, 700);
        await fixture.RedeemAsync(shop, "o-2", coupon, 300);

        var refund = await fixture.RefundAsync(shop, "o-1");

        Assert.Equal((700m, RefundDestination.Owner), (refund!.Discount, refund.ReturnedTo));
        var held = Assert.Single(await fixture.WalletAsync(campaign, "household"));
        Assert.Equal((CouponStatus.Claimed, 700m), (held.Status, held.Balance!.Value));
        Assert.Equal(650m, (await fixture.RedeemAsync(shop, "o-3", coupon, 650)).Receipt!.Discount);
        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        Assert.Equal(950m, (await reports.SettleAsync())!.Funds.Single().Paid);
        Assert.Empty((await reports.ReconcileAsync())!.Differences);
    }

    [Fact]
    public async Task WhatIsLeftOfAnExpiredCouponGoesBackToTheFund()
    {
        var (campaign, coupon) = await GrantedAsync(validDays: 1);
        await fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "love-1000")).GrantListedAsync(["untouched"]);
        var shop = await fixture.MerchantAsync(["any"]);
        await fixture.RedeemAsync(shop, "o-1", coupon, 400);

        fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        await fixture.TickAsync(campaign);

        Assert.Equal(RedemptionRefusal.Expired, (await fixture.RedeemAsync(shop, "o-2", coupon, 100)).Refusal);
        Assert.Equal(CouponStatus.Expired, Assert.Single(await fixture.WalletAsync(campaign, "household")).Status);
        // Part of a coupon is not a coupon the next round could grant: it goes to the fund, and
        // only the untouched coupon rolls on whole.
        var pool = await fixture.StockAsync(campaign, "p1", "love-1000");
        Assert.Equal((2, 1, 8 + 1), (pool.Expired, pool.ReturnedToFund, pool.RolledOut));
        Assert.Equal(CouponStatus.Expired, Assert.Single(await fixture.WalletAsync(campaign, "untouched")).Status);
        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        Assert.Equal(2, (await reports.BuildAsync())!.Lines.Single(l => l.RoundId == "p1" && l.CouponTypeId == "love-1000").Expired);
        Assert.Equal(400m, (await reports.SettleAsync())!.Funds.Single().Paid);
        Assert.Empty((await reports.ReconcileAsync())!.Differences);
    }

    private async Task<(CampaignDefinition Campaign, Coupon Coupon)> GrantedAsync(int validDays = 7)
    {
        var open = TestCampaigns.Open(fixture.Clock.GetUtcNow());
        var campaign = await fixture.CreateAsync(open with
        {
            CouponTypes = [.. open.CouponTypes.Select(t => t.Id == "love-1000" ? t with { StoredValue = true } : t)],
            Rounds = [open.Rounds[0] with { Validity = new(validDays, null, false) }, open.Rounds[1]],
        });
        var coupon = (await fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "love-1000")).GrantListedAsync(["household"]))[0].Coupon!;
        Assert.Equal(1000m, coupon.Balance);
        return (campaign, coupon);
    }
}
