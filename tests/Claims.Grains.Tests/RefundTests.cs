using Orleans.Core.Internal;

namespace Claims.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RefundTests(ClusterFixture fixture)
{
    [Fact]
    public async Task UnderThePoolPolicyARefundVoidsTheCouponAndSomeoneElseCanClaimIt()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow(), stock: 1));
        var coupon = await fixture.ClaimedAsync(campaign, "first");
        var merchant = await fixture.MerchantAsync();
        await fixture.RedeemAsync(merchant, "o-1", coupon, 60);
        Assert.Equal(ClaimRefusal.SoldOut, (await fixture.ClaimAsync(campaign, "second", "market-10-50")).Refusal);

        var refund = (await fixture.RefundAsync(merchant, "o-1"))!;

        Assert.Equal((RefundDestination.Pool, "p1", 10m), (refund.ReturnedTo, refund.RoundId, refund.Discount));
        Assert.Equal(refund, await fixture.RefundAsync(merchant, "o-1"));
        Assert.Equal(CouponStatus.Void, Assert.Single(await fixture.WalletAsync(campaign, "first")).Status);
        Assert.Equal(RedemptionRefusal.CouponVoid, (await fixture.RedeemAsync(merchant, "o-2", coupon, 60)).Refusal);
        var stock = await fixture.StockAsync(campaign, "p1", "market-10-50");
        Assert.Equal((2, 1, 1), (stock.Capacity, stock.Refunded, stock.Remaining));
        Assert.NotNull((await fixture.ClaimAsync(campaign, "second", "market-10-50")).Coupon);
    }

    [Fact]
    public async Task OnlyTheMerchantThatRedeemedCanRefund()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var coupon = await fixture.ClaimedAsync(campaign, "buyer");
        var merchant = await fixture.MerchantAsync();
        var other = await fixture.MerchantAsync();
        await fixture.RedeemAsync(merchant, "o-1", coupon, 60);

        Assert.Null(await fixture.RefundAsync(other, "o-1"));
        Assert.Null(await fixture.RefundAsync(merchant, "never-redeemed"));
        Assert.Equal(CouponStatus.Used, Assert.Single(await fixture.WalletAsync(campaign, "buyer")).Status);
    }

    [Fact]
    public async Task AfterTheRoundClosesARefundGoesToTheNextRoundAndAfterTheLastToTheFund()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var early = await fixture.ClaimedAsync(campaign, "early");
        var late = await fixture.ClaimedAsync(campaign, "late");
        var merchant = await fixture.MerchantAsync();
        await fixture.RedeemAsync(merchant, "o-early", early, 60);
        await fixture.RedeemAsync(merchant, "o-late", late, 60);

        fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        var toNextRound = (await fixture.RefundAsync(merchant, "o-early"))!;
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        var toFund = (await fixture.RefundAsync(merchant, "o-late"))!;
        await fixture.TickAsync(campaign);

        Assert.Equal((RefundDestination.Pool, "p2"), (toNextRound.ReturnedTo, toNextRound.RoundId));
        Assert.Equal((RefundDestination.Fund, null), (toFund.ReturnedTo, toFund.RoundId));
        var p1 = await fixture.StockAsync(campaign, "p1", "market-10-50");
        var p2 = await fixture.StockAsync(campaign, "p2", "market-10-50");

        // Phase 1: 8 unclaimed and 1 refund went to phase 2, 1 refund to the fund. Phase 2 closed
        // with nothing claimed, so its 10 and the 9 it took in went to the fund.
        Assert.Equal((9, 1), (p1.RolledOut, p1.ReturnedToFund));
        Assert.Equal((9, 0, 19), (p2.RolledIn, p2.Granted, p2.ReturnedToFund));
    }

    [Fact]
    public async Task UnderTheOwnerPolicyTheCouponGoesBackToItsOwnerWhileValid()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow(), RefundPolicy.Owner));
        var coupon = await fixture.ClaimedAsync(campaign, "returner");
        var merchant = await fixture.MerchantAsync();
        await fixture.RedeemAsync(merchant, "o-1", coupon, 60);

        var refund = (await fixture.RefundAsync(merchant, "o-1"))!;

        Assert.Equal(RefundDestination.Owner, refund.ReturnedTo);
        Assert.Equal(CouponStatus.Claimed, Assert.Single(await fixture.WalletAsync(campaign, "returner")).Status);
        Assert.NotNull((await fixture.RedeemAsync(merchant, "o-2", coupon, 70)).Receipt);
        Assert.Equal(refund, await fixture.RefundAsync(merchant, "o-1"));
        Assert.Equal(RefundDestination.Owner, (await fixture.RefundAsync(merchant, "o-2"))!.ReturnedTo);
        Assert.Equal(10, (await fixture.StockAsync(campaign, "p1", "market-10-50")).Capacity);
    }

    [Fact]
    public async Task UnderTheOwnerPolicyAnExpiredCouponGoesToThePoolInstead()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow(), RefundPolicy.Owner));
        var coupon = await fixture.ClaimedAsync(campaign, "slow");
        var merchant = await fixture.MerchantAsync();
        await fixture.RedeemAsync(merchant, "o-1", coupon, 60);

        fixture.Clock.Advance(TimeSpan.FromDays(1.5));

        Assert.Equal((RefundDestination.Pool, "p2"), ((await fixture.RefundAsync(merchant, "o-1"))!.ReturnedTo, (await fixture.RefundAsync(merchant, "o-1"))!.RoundId));
        Assert.Equal(CouponStatus.Void, Assert.Single(await fixture.WalletAsync(campaign, "slow")).Status);
    }

    [Fact]
    public async Task RedemptionsAndRefundsSurviveThePoolAndOrderGrainsRestarting()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var coupon = await fixture.ClaimedAsync(campaign, "durable");
        var merchant = await fixture.MerchantAsync();
        var receipt = (await fixture.RedeemAsync(merchant, "o-1", coupon, 60)).Receipt;

        await DeactivateAsync(fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "market-10-50")));
        await DeactivateAsync(fixture.Grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchant, "o-1")));

        Assert.Equal(receipt, (await fixture.RedeemAsync(merchant, "o-1", coupon, 60)).Receipt);
        Assert.Equal(RedemptionRefusal.AlreadyUsed, (await fixture.RedeemAsync(merchant, "o-2", coupon, 60)).Refusal);
        var refund = await fixture.RefundAsync(merchant, "o-1");

        await DeactivateAsync(fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "market-10-50")));
        await DeactivateAsync(fixture.Grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchant, "o-1")));

        Assert.Equal(refund, await fixture.RefundAsync(merchant, "o-1"));
        var stock = await fixture.StockAsync(campaign, "p1", "market-10-50");
        Assert.Equal((1, 0, 1), (stock.Refunded, stock.Redeemed, stock.Granted));
    }

    private static Task DeactivateAsync(IAddressable grain) =>
        grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken).AsTask();
}
