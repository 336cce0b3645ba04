using Claims.Contracts.Reports;
using Orleans.Core.Internal;

namespace Claims.Grains.Tests;

/// <summary>
/// Fraud money is held back and recovered (001: 不予发放已核销资金并收回前期套现; 003: 退回已核销的消费券金额):
/// a suspended or banned merchant's money stays out of the settlement until released, and a
/// reversed redemption voids its coupon, sends its value on as a refund does and is never owed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FraudTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AReversedRedemptionVoidsTheCouponReturnsItsValueAndIsNotOwed()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow(), stock: 1));
        var coupon = await fixture.ClaimedAsync(campaign, "cash-out");
        var merchant = await fixture.MerchantAsync();
        await fixture.RedeemAsync(merchant, "o-1", coupon, 60);

        var reversal = (await fixture.ReverseAsync(merchant, "o-1"))!.Receipt!;

        Assert.Equal((RefundDestination.Pool, "p1", 10m, 60m), (reversal.ReturnedTo, reversal.RoundId, reversal.Discount, reversal.OrderAmount));
        Assert.Equal(reversal, (await fixture.ReverseAsync(merchant, "o-1"))!.Receipt);
        Assert.Equal(CouponStatus.Void, Assert.Single(await fixture.WalletAsync(campaign, "cash-out")).Status);
        Assert.Equal(reversal, (await fixture.Grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchant, "o-1")).RefundAsync())!.ReversedBy);
        Assert.Null(await fixture.RefundAsync(merchant, "o-1"));
        Assert.NotNull((await fixture.ClaimAsync(campaign, "honest", "market-10-50")).Coupon);

        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        var line = (await reports.BuildAsync())!.Lines.Single(l => l.RoundId == "p1" && l.CouponTypeId == "market-10-50");
        Assert.Equal((1, 10m, 0m), (line.Reversed, line.ReversedValue, line.OrderTotal));
        Assert.Equal(new MerchantSettlement("county", merchant, 0, 0, Reversed: 10), Assert.Single((await reports.SettleAsync())!.Merchants));
        Assert.Empty((await reports.ReconcileAsync())!.Differences);
    }

    [Fact]
    public async Task ARefundedOrderIsNotReversedAndAReversedOneIsNotRefundedWhicheverComesFirst()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var merchant = await fixture.MerchantAsync();
        var coupons = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => fixture.ClaimedAsync(campaign, $"racer-{i}", i % 2 == 0 ? "market-10-50" : "market-20-100")));
        await Task.WhenAll(coupons.Select((c, i) => fixture.RedeemAsync(merchant, $"o-{i}", c, 150)));

        // Every order refunded by its till and reversed by an operator at once.
        var races = await Task.WhenAll(coupons.Select(async (_, i) =>
        {
            var order = fixture.Grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchant, $"o-{i}"));
            var refund = Task.Run(() => order.RefundAsync(), TestContext.Current.CancellationToken);
            var reversal = Task.Run(() => order.ReverseAsync(), TestContext.Current.CancellationToken);
            return (Refund: (await refund)!, Reversal: (await reversal)!);
        }));

        foreach (var (refund, reversal) in races)
        {
            // Exactly one of the two took the order, and the other names it.
            Assert.True((refund.Receipt is null) != (reversal.Receipt is null));
            Assert.Equal(refund.Receipt, reversal.RefundedBy);
            Assert.Equal(reversal.Receipt, refund.ReversedBy);
        }

        var settlement = (await fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id).SettleAsync())!;
        var reversedValue = races.Where(r => r.Reversal.Receipt is not null).Sum(r => r.Reversal.Receipt!.Discount);
        Assert.Equal(new MerchantSettlement("county", merchant, 0, 0, Reversed: reversedValue), Assert.Single(settlement.Merchants));
        Assert.Empty((await fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id).ReconcileAsync())!.Differences);
    }

    [Fact]
    public async Task ASuspendedMerchantsMoneyIsHeldUntilReleasedAndWhatComesAfterTheReleaseIsPaid()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var merchant = await fixture.MerchantAsync();
        var grain = fixture.Grains.GetGrain<IMerchantGrain>(merchant);
        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        await fixture.RedeemAsync(merchant, "o-1", await fixture.ClaimedAsync(campaign, "a"), 60);
        await fixture.RedeemAsync(merchant, "o-2", await fixture.ClaimedAsync(campaign, "b"), 60);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True((await grain.SuspendAsync()).Applied);
        await fixture.ReverseAsync(merchant, "o-2");

        var held = (await reports.SettleAsync())!;
        Assert.Equal(new MerchantSettlement("county", merchant, 1, 0, Held: 10, Reversed: 10), Assert.Single(held.Merchants));
        Assert.Equal((0m, 10m, 10_000_000m - 10), (held.Funds[0].Paid, held.Funds[0].Held, held.Funds[0].Leftover));
        Assert.Empty((await reports.ReconcileAsync())!.Differences);

        // Released and reinstated, the merchant is paid what was held, and later orders as usual.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await grain.ReleaseAsync()).Applied);
        Assert.False((await grain.ReleaseAsync()).Applied);
        Assert.True((await grain.ReinstateAsync()).Applied);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await fixture.RedeemAsync(merchant, "o-3", await fixture.ClaimedAsync(campaign, "c"), 60);

        var released = (await reports.SettleAsync())!;
        Assert.Equal(new MerchantSettlement("county", merchant, 2, 20, Released: 10, Reversed: 10), Assert.Single(released.Merchants));
        Assert.Equal(new FundSettlement("county", 10_000_000, 20, 10_000_000 - 20, Released: 10, Reversed: 10), released.Funds[0]);
    }

    [Fact]
    public async Task ABannedMerchantIsNeverReinstatedAndItsHoldSurvivesARestart()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var merchant = await fixture.MerchantAsync();
        var grain = fixture.Grains.GetGrain<IMerchantGrain>(merchant);
        await fixture.RedeemAsync(merchant, "o-1", await fixture.ClaimedAsync(campaign, "a"), 60);

        Assert.Equal(MerchantStatus.Banned, (await grain.BanAsync()).Merchant!.Status);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        Assert.False((await grain.ReinstateAsync()).Applied);
        Assert.False((await grain.ApproveAsync()).Applied);
        Assert.True((await grain.BanAsync()).Applied);
        var merchantNow = (await grain.GetAsync())!;
        Assert.Equal((MerchantStatus.Banned, true), (merchantNow.Status, merchantNow.Held));
        Assert.Equal(RedemptionRefusal.MerchantNotApproved, (await fixture.RedeemAsync(merchant, "o-2", await fixture.ClaimedAsync(campaign, "b"), 60)).Refusal);
        Assert.Equal(10m, Assert.Single((await fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id).SettleAsync())!.Merchants).Held);
    }
}
