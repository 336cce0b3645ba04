using System.Text.Json;

namespace Claims.Api.Tests;

public sealed class ClaimEndpointTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task ClaimAnswersCreatedWithTheCouponAndTheWalletShowsIt()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var client = factory.ClientFor(TestTokens.Resident("zhang"));

        using var response = await client.ClaimAsync(campaign.Id, "market-20-100");
        var (status, coupon) = await ClaimsApiFactory.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("market-20-100", coupon.GetProperty("couponTypeId").GetString());
        Assert.Equal("supermarket", coupon.GetProperty("industry").GetString());
        Assert.Equal(20m, coupon.GetProperty("faceValue").GetDecimal());
        Assert.Equal(100m, coupon.GetProperty("minSpend").GetDecimal());
        Assert.Equal("claimed", coupon.GetProperty("status").GetString());
        Assert.EndsWith("+08:00", coupon.GetProperty("validFrom").GetString());
        Assert.Equal(7, (coupon.GetProperty("validUntil").GetDateTimeOffset() - coupon.GetProperty("validFrom").GetDateTimeOffset()).Days);
        var wallet = await client.GetFromJsonAsync<JsonElement>("/me/coupons", TestContext.Current.CancellationToken);
        Assert.Contains(wallet.EnumerateArray(), c => c.GetProperty("couponId").GetString() == coupon.GetProperty("couponId").GetString());
        Assert.Equal(99, await client.RemainingAsync(campaign.Id, "market-20-100"));
    }

    [Fact]
    public async Task TheClaimsLocationShowsTheCouponToItsOwnerAndToNobodyElse()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var owner = factory.ClientFor(TestTokens.Resident("location-owner"));
        using var other = factory.ClientFor(TestTokens.Resident("location-other"));

        using var claimed = await owner.ClaimAsync(campaign.Id, "market-20-100");
        var location = claimed.Headers.Location!.ToString();
        var coupon = await owner.GetFromJsonAsync<JsonElement>(location, TestContext.Current.CancellationToken);

        Assert.Equal(location, $"/me/coupons/{coupon.GetProperty("couponId").GetString()}");
        Assert.Equal("claimed", coupon.GetProperty("status").GetString());
        foreach (var (client, path) in new[] { (other, location), (owner, $"/me/coupons/{campaign.Id}.p1.market-20-100.999"), (owner, "/me/coupons/no-such-coupon"), (owner, "/me/coupons/elsewhere.p1.market-20-100.0") })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            var (status, problem) = await ClaimsApiFactory.ReadAsync(response);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("coupon_not_found", problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task ReplayWithTheSameIdempotencyKeyReturnsTheSameCoupon()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var client = factory.ClientFor(TestTokens.Resident("li"));

        // As many taps at once as a resident's bucket holds: more would be rate limited.
        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            await ClaimsApiFactory.ReadAsync(await client.ClaimAsync(campaign.Id, "dining-10-50", idempotencyKey: "tap-42"))));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(replies.Select(r => r.Body.GetProperty("couponId").GetString()).Distinct());
        Assert.Equal(99, await client.RemainingAsync(campaign.Id, "dining-10-50"));
    }

    [Fact]
    public async Task EveryRefusalIsAConflictWithItsCode()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 1));
        var future = await factory.CreateCampaignAsync(ApiCampaigns.Open(opensAt: DateTimeOffset.UtcNow.AddDays(1)));
        var paused = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());
        (await admin.PostAsync($"/admin/campaigns/{paused.Id}/pause", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        using var first = factory.ClientFor(TestTokens.Resident("first"));
        using var second = factory.ClientFor(TestTokens.Resident("second"));
        Assert.Equal(HttpStatusCode.Created, (await first.ClaimAsync(campaign.Id, "market-10-50")).StatusCode);

        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "sold_out", second.ClaimAsync(campaign.Id, "market-10-50"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "limit_reached", first.ClaimAsync(campaign.Id, "market-20-100"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "round_not_open", first.ClaimAsync(future.Id, "market-10-50"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "campaign_paused", first.ClaimAsync(paused.Id, "market-10-50"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "region_not_eligible", second.ClaimAsync(campaign.Id, "dining-10-50", regionCode: "110101"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "not_on_list", second.ClaimAsync(campaign.Id, "love-1000"));
        using var cheater = factory.ClientFor(TestTokens.Resident("cheater"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "blacklisted", cheater.ClaimAsync(campaign.Id, "dining-10-50"));

        Assert.Equal(1, await second.RemainingAsync(campaign.Id, "dining-10-50"));
        Assert.Equal(100, await second.RemainingAsync(paused.Id, "market-10-50"));
    }

    [Fact]
    public async Task CatalogListsCampaignsWithLiveRemainingStock()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 5));
        using var client = factory.ClientFor(TestTokens.Resident("wang"));
        await client.ClaimAsync(campaign.Id, "market-10-50");

        var list = await client.GetFromJsonAsync<JsonElement>("/campaigns", TestContext.Current.CancellationToken);
        var catalog = await client.GetFromJsonAsync<JsonElement>($"/campaigns/{campaign.Id}", TestContext.Current.CancellationToken);

        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetString() == campaign.Id);
        var types = catalog.GetProperty("couponTypes").EnumerateArray().ToDictionary(t => t.GetProperty("couponTypeId").GetString()!);
        Assert.Equal(4, types["market-10-50"].GetProperty("remaining").GetInt32());
        Assert.Equal(5, types["dining-10-50"].GetProperty("remaining").GetInt32());
        Assert.True(types["dining-10-50"].GetProperty("open").GetBoolean());
        Assert.False(types.ContainsKey("love-1000"));
    }
}
