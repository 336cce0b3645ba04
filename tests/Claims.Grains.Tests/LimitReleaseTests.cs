namespace Claims.Grains.Tests;

/// <summary>
/// What a refund or an expiry does to a limit, per campaign (<c>limitsFreedBy</c>): by default
/// every coupon granted counts; a campaign may let void (refunded) or expired coupons give the
/// claim back. Either way nobody holds more standing coupons than a limit allows.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LimitReleaseTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ARefundedCouponGivesTheClaimBackOnlyWhereTheCampaignSaysSo()
    {
        foreach (var (freedBy, again) in new[] { ((CouponStatus[]?)null, false), ([CouponStatus.Void], true) })
        {
            var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()) with { LimitsFreedBy = freedBy });
            var merchant = await fixture.MerchantAsync();
            await fixture.RedeemAsync(merchant, "o-1", await fixture.ClaimedAsync(campaign, "returns-it"), 60);
            Assert.Equal(ClaimRefusal.LimitReached, (await fixture.ClaimAsync(campaign, "returns-it", "market-20-100")).Refusal);

            Assert.NotNull(await fixture.RefundAsync(merchant, "o-1"));

            Assert.Equal(again, (await fixture.ClaimAsync(campaign, "returns-it", "market-20-100")).Coupon is not null);
        }
    }

    [Fact]
    public async Task ManyClaimsAfterARefundTakeBackExactlyTheOneClaimFreed()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow()) with { LimitsFreedBy = [CouponStatus.Void] });
        var merchant = await fixture.MerchantAsync();
        await fixture.RedeemAsync(merchant, "o-1", await fixture.ClaimedAsync(campaign, "eager"), 60);
        Assert.NotNull(await fixture.RefundAsync(merchant, "o-1"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(
            () => fixture.ClaimAsync(campaign, "eager", i % 2 == 0 ? "market-10-50" : "market-20-100"),
            TestContext.Current.CancellationToken)));

        Assert.Single(outcomes, o => o.Coupon is not null);
        Assert.Equal(19, outcomes.Count(o => o.Refusal == ClaimRefusal.LimitReached));
        Assert.Single(await fixture.WalletAsync(campaign, "eager"), c => c.Status != CouponStatus.Void);
    }

    [Fact]
    public async Task AnExpiredCouponFreesTheLimitOnlyWhenExpiriesAreNamedAndARefundToTheOwnerNever()
    {
        var now = fixture.Clock.GetUtcNow();
        var open = TestCampaigns.Open(now);
        var shortLived = open with
        {
            Rounds = [TestCampaigns.Round("p1", "1", now.AddHours(-1), now.AddDays(5), 100, new(1, null, false))],
            RefundPolicy = RefundPolicy.Owner,
        };
        var expiries = await fixture.CreateAsync(shortLived with { LimitsFreedBy = [CouponStatus.Expired] });
        var refundsOnly = await fixture.CreateAsync(shortLived with { Id = $"t-{Guid.NewGuid():N}", LimitsFreedBy = [CouponStatus.Void] });
        var merchant = await fixture.MerchantAsync();
        await fixture.ClaimedAsync(expiries, "forgetful");
        await fixture.ClaimedAsync(refundsOnly, "forgetful");
        await fixture.RedeemAsync(merchant, "o-1", await fixture.ClaimedAsync(refundsOnly, "returns-it"), 60);
        Assert.Equal(RefundDestination.Owner, (await fixture.RefundAsync(merchant, "o-1"))!.ReturnedTo);

        // Back in the wallet, the refunded coupon still counts.
        Assert.Equal(ClaimRefusal.LimitReached, (await fixture.ClaimAsync(refundsOnly, "returns-it", "market-20-100")).Refusal);
        fixture.Clock.Advance(TimeSpan.FromDays(1.5));

        Assert.NotNull((await fixture.ClaimAsync(expiries, "forgetful", "market-20-100")).Coupon);
        Assert.Equal(ClaimRefusal.LimitReached, (await fixture.ClaimAsync(refundsOnly, "forgetful", "market-20-100")).Refusal);
    }
}
