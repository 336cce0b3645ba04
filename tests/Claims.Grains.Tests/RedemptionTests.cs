namespace Claims.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RedemptionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RedemptionTakesTheFaceValueOffAndUsesTheCoupon()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var coupon = await fixture.ClaimedAsync(campaign, "shopper");
        var merchant = await fixture.MerchantAsync();

        var receipt = (await fixture.RedeemAsync(merchant, "o-1", coupon, 73.5m)).Receipt!;

        Assert.Equal((10m, 63.5m), (receipt.Discount, receipt.Payable));
        Assert.Equal(CouponStatus.Used, Assert.Single(await fixture.WalletAsync(campaign, "shopper")).Status);
        Assert.Equal(1, (await fixture.StockAsync(campaign, "p1", "market-10-50")).Redeemed);
    }

    [Fact]
    public async Task EveryRefusalHasItsReasonAndLeavesTheCouponUsable()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var coupon = await fixture.ClaimedAsync(campaign, "owner");
        var car = await fixture.ClaimedAsync(campaign, "owner", "car-3000");
        var market = await fixture.MerchantAsync();
        var dealer = await fixture.MerchantAsync(["cars"]);
        var pending = await fixture.MerchantAsync(approve: false);
        var elsewhere = await fixture.MerchantAsync(regionCode: "110101");

        Assert.Equal(RedemptionRefusal.NotOwner, (await fixture.RedeemAsync(market, "o-1", coupon, 100, userId: "thief")).Refusal);
        Assert.Equal(RedemptionRefusal.BelowMinSpend, (await fixture.RedeemAsync(market, "o-2", coupon, 49.99m)).Refusal);
        Assert.Equal(RedemptionRefusal.AboveMaxSpend, (await fixture.RedeemAsync(dealer, "o-3", car, 150_000)).Refusal);
        Assert.Equal(RedemptionRefusal.BelowMinSpend, (await fixture.RedeemAsync(dealer, "o-4", car, 99_999.99m)).Refusal);
        Assert.Equal(RedemptionRefusal.WrongIndustry, (await fixture.RedeemAsync(dealer, "o-5", coupon, 100)).Refusal);
        Assert.Equal(RedemptionRefusal.MerchantNotApproved, (await fixture.RedeemAsync(pending, "o-6", coupon, 100)).Refusal);
        Assert.Equal(RedemptionRefusal.MerchantNotApproved, (await fixture.RedeemAsync("never-registered", "o-7", coupon, 100)).Refusal);
        Assert.Equal(RedemptionRefusal.RegionNotEligible, (await fixture.RedeemAsync(elsewhere, "o-8", coupon, 100)).Refusal);
        Assert.Equal(RedemptionRefusal.RegionNotEligible, (await fixture.RedeemAsync(market, "o-9", coupon, 100, regionCode: "110101")).Refusal);
        Assert.Equal(RedemptionRefusal.CouponNotFound, (await fixture.RedeemAsync(market, "o-10", coupon with { CouponId = coupon.CouponId + "9" }, 100)).Refusal);
        Assert.Equal(RedemptionRefusal.CouponNotFound, (await fixture.RedeemAsync(market, "o-11", coupon with { CouponId = "not-a-coupon" }, 100)).Refusal);

        Assert.Equal(0, (await fixture.StockAsync(campaign, "p1", "market-10-50")).Redeemed);
        Assert.All(await fixture.WalletAsync(campaign, "owner"), c => Assert.Equal(CouponStatus.Claimed, c.Status));
        Assert.NotNull((await fixture.RedeemAsync(market, "o-2", coupon, 50)).Receipt);
        Assert.Equal(3000m, (await fixture.RedeemAsync(dealer, "o-12", car, 100_000)).Receipt!.Discount);
    }

    [Fact]
    public async Task UsedCouponsAndOrdersWithACouponAreRefused()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var first = await fixture.ClaimedAsync(campaign, "twice");
        var second = await fixture.ClaimedAsync(campaign, "twice", "dining-10-50");
        var merchant = await fixture.MerchantAsync(["any"]);

        var receipt = (await fixture.RedeemAsync(merchant, "o-1", first, 80)).Receipt;

        Assert.Equal(RedemptionRefusal.AlreadyUsed, (await fixture.RedeemAsync(merchant, "o-2", first, 80)).Refusal);
        Assert.Equal(RedemptionRefusal.OrderHasCoupon, (await fixture.RedeemAsync(merchant, "o-1", second, 80)).Refusal);
        Assert.Equal(receipt, (await fixture.RedeemAsync(merchant, "o-1", first, 80)).Receipt);
        Assert.NotNull((await fixture.RedeemAsync(merchant, "o-2", second, 80)).Receipt);
    }

    [Fact]
    public async Task ACouponPastItsValidityIsExpiredOnAccess()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var coupon = await fixture.ClaimedAsync(campaign, "late");
        var merchant = await fixture.MerchantAsync();

        fixture.Clock.Advance(TimeSpan.FromDays(1.5));

        Assert.Equal(CouponStatus.Expired, Assert.Single(await fixture.WalletAsync(campaign, "late")).Status);
        Assert.Equal(RedemptionRefusal.Expired, (await fixture.RedeemAsync(merchant, "o-1", coupon, 100)).Refusal);
        Assert.Equal(1, (await fixture.StockAsync(campaign, "p1", "market-10-50")).Expired);
    }

    [Fact]
    public async Task TheSameCouponAtManyTillsAtOnceIsRedeemedExactlyOnce()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var coupon = await fixture.ClaimedAsync(campaign, "popular");
        var merchants = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.MerchantAsync()));
        using var start = new Barrier(40);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return fixture.RedeemAsync(merchants[i % 4], $"till-{i}", coupon, 100);
        })));

        Assert.Single(outcomes, o => o.Receipt is not null);
        Assert.All(outcomes.Where(o => o.Receipt is null), o => Assert.Equal(RedemptionRefusal.AlreadyUsed, o.Refusal));
        Assert.Equal(1, (await fixture.StockAsync(campaign, "p1", "market-10-50")).Redeemed);
    }

    [Fact]
    public async Task ATillRetryingTheSameOrderConcurrentlyGetsOneAnswer()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var coupon = await fixture.ClaimedAsync(campaign, "impatient");
        var merchant = await fixture.MerchantAsync();
        using var start = new Barrier(20);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return fixture.RedeemAsync(merchant, "retried", coupon, 120);
        })));

        Assert.Single(outcomes.Select(o => o.Receipt).Distinct());
        Assert.NotNull(outcomes[0].Receipt);
    }

    [Fact]
    public async Task ASuspensionStopsTheMerchantsNextRedemptionAndReinstatingRestoresIt()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()));
        var coupon = await fixture.ClaimedAsync(campaign, "customer");
        var merchantId = await fixture.MerchantAsync();
        var merchant = fixture.Grains.GetGrain<IMerchantGrain>(merchantId);

        Assert.Equal(MerchantStatus.Suspended, (await merchant.SuspendAsync()).Merchant!.Status);
        Assert.Equal(RedemptionRefusal.MerchantNotApproved, (await fixture.RedeemAsync(merchantId, "o-1", coupon, 100)).Refusal);
        Assert.False((await merchant.ApproveAsync()).Applied);

        Assert.Equal(MerchantStatus.Approved, (await merchant.ReinstateAsync()).Merchant!.Status);
        Assert.NotNull((await fixture.RedeemAsync(merchantId, "o-1", coupon, 100)).Receipt);
    }

    [Fact]
    public async Task MerchantRegistrationIsIdempotentAndRefusesDifferentDetails()
    {
        var merchant = fixture.Grains.GetGrain<IMerchantGrain>($"m-{Guid.NewGuid():N}");

        Assert.True((await merchant.RegisterAsync(new("鲁山超市", ["supermarket"], "410423"))).Applied);
        Assert.True((await merchant.RegisterAsync(new("鲁山超市", ["supermarket"], "410423"))).Applied);
        Assert.False((await merchant.RegisterAsync(new("鲁山超市", ["dining"], "410423"))).Applied);
        Assert.False((await merchant.SuspendAsync()).Applied);
        Assert.False((await merchant.ReinstateAsync()).Applied);
        Assert.Equal(MerchantStatus.Pending, (await merchant.GetAsync())!.Status);
        Assert.Equal(["supermarket"], (await merchant.GetAsync())!.Industries);
    }

    [Fact]
    public async Task ACouponTypeThatRequiresAnAttributeIsRedeemedOnlyAtMerchantsApprovedWithIt()
    {
        // 001 and 002: car and appliance coupons only at 限上 enterprises (above-quota).
        var lifecycle = TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow());
        var campaign = await fixture.CreateAsync(lifecycle with
        {
            CouponTypes = [.. lifecycle.CouponTypes.Select(t => t.Id == "car-3000" ? t with { MerchantRequires = ["above-quota"] } : t)],
        });
        var car = await fixture.ClaimedAsync(campaign, "driver", "car-3000");
        var dealer = fixture.Grains.GetGrain<IMerchantGrain>($"m-{Guid.NewGuid():N}");
        var smallShop = await fixture.MerchantAsync(["cars"]);
        Assert.True((await dealer.RegisterAsync(new("dealer", ["cars"], "410423", ["above-quota"]), "dealer")).Applied);
        Assert.False((await dealer.RegisterAsync(new("dealer", ["cars"], "410423"), "dealer")).Applied);

        Assert.Equal(RedemptionRefusal.MerchantNotApproved, (await fixture.RedeemAsync(dealer.GetPrimaryKeyString(), "o-1", car, 120_000)).Refusal);
        Assert.Equal(RedemptionRefusal.MerchantNotEligible, (await fixture.RedeemAsync(smallShop, "o-1", car, 120_000)).Refusal);
        Assert.True((await dealer.ApproveAsync("ops")).Applied);
        Assert.NotNull((await fixture.RedeemAsync(dealer.GetPrimaryKeyString(), "o-2", car, 120_000)).Receipt);
    }
}
