using Orleans.Core.Internal;

namespace Claims.Grains.Tests;

/// <summary>
/// One person, one quota: a campaign whose limits count persons (<c>limitsKeyedBy: person</c>)
/// counts the coupons of every account carrying the same verified person id together, whatever
/// pool shard, quota activation or request key each account's claims go through.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PersonQuotaTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TwoAccountsOfOnePersonShareOneQuotaAndOtherPersonsKeepTheirs()
    {
        var campaign = await CreateAsync();

        Assert.NotNull((await ClaimAsync(campaign, "phone-a", "person-1")).Coupon);
        Assert.Equal(ClaimRefusal.LimitReached, (await ClaimAsync(campaign, "phone-b", "person-1")).Refusal);
        Assert.NotNull((await ClaimAsync(campaign, "phone-c", "person-2")).Coupon);
        Assert.NotNull((await ClaimAsync(campaign, "phone-b", "person-1", couponTypeId: "dining-10-50")).Coupon);
    }

    [Fact]
    public async Task ManyAccountsOfOnePersonTappingAtOnceGetOneCouponInAll()
    {
        var campaign = await CreateAsync();
        var outcomes = await AtOnce.RunAsync(24, i => ClaimAsync(campaign, $"account-{i}", "busy-person"));

        Assert.Single(outcomes, o => o.Coupon is not null);
        Assert.All(outcomes.Where(o => o.Coupon is null), o => Assert.Equal(ClaimRefusal.LimitReached, o.Refusal));
    }

    [Fact]
    public async Task RequestKeysStayPerAccount()
    {
        var campaign = await CreateAsync(max: 2);

        var first = (await ClaimAsync(campaign, "phone-a", "person-3", "k:tap-1")).Coupon!;
        var second = (await ClaimAsync(campaign, "phone-b", "person-3", "k:tap-1")).Coupon!;

        Assert.NotEqual(first.CouponId, second.CouponId);
        Assert.Equal(("phone-a", "phone-b"), (first.OwnerId, second.OwnerId));
        Assert.Equal(first.CouponId, (await ClaimAsync(campaign, "phone-a", "person-3", "k:tap-1")).Coupon!.CouponId);
        Assert.Equal(ClaimRefusal.LimitReached, (await ClaimAsync(campaign, "phone-c", "person-3")).Refusal);
    }

    [Fact]
    public async Task ANewQuotaActivationReadsThePersonsCouponsBackFromTheShardedPool()
    {
        var campaign = await CreateAsync();
        var coupon = (await ClaimAsync(campaign, "phone-a", "person-4")).Coupon!;
        var quota = fixture.Grains.GetGrain<IQuotaGrain>(GrainKeys.Quota(campaign.Id, "person-4", "supermarket", campaign.QuotaGrains));
        await quota.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        Assert.Equal(ClaimRefusal.LimitReached, (await ClaimAsync(campaign, "phone-b", "person-4")).Refusal);
        var owned = await fixture.Grains.GetGrain<IPoolGrain>(campaign.PoolKeyFor("p1", "market-10-50", "person-4")).GetOwnedAsync("phone-a", "person-4");
        Assert.Equal(coupon.CouponId, Assert.Single(owned).CouponId);
        Assert.Equal("person-4", owned[0].PersonId);
    }

    private Task<ClaimOutcome> ClaimAsync(CampaignDefinition campaign, string userId, string personId, string? requestKey = null, string couponTypeId = "market-10-50") =>
        fixture.Claims.ClaimAsync(new ClaimRoutes(campaign), userId, new ClaimRequest(couponTypeId, "410423", requestKey ?? Guid.NewGuid().ToString("N"), personId));

    private Task<CampaignDefinition> CreateAsync(int max = 1)
    {
        var open = TestCampaigns.Open(fixture.Clock.GetUtcNow(), limits: [new(LimitPeriod.Phase, LimitGrouping.Industry, max, null)]);
        return fixture.CreateAsync(open with
        {
            LimitsKeyedBy = LimitHolder.Person,
            CouponTypes = [.. open.CouponTypes.Select(t => t.Id == "market-10-50" ? t with { Shards = 4 } : t)],
        });
    }
}
