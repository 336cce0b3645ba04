using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>
/// One person, one quota through the API: a campaign whose limits count persons reads the person
/// from the token's <c>pid</c>, refuses a token without one, and shows each account its own coupons.
/// </summary>
public sealed class PersonQuotaEndpointTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task TheSecondAccountOfAPersonIsAtTheLimitAndATokenWithoutAPersonIsRefused()
    {
        var open = ApiCampaigns.Open();
        var campaign = await factory.CreateCampaignAsync(open with
        {
            LimitsKeyedBy = LimitHolder.Person,
            CouponTypes = [.. open.CouponTypes.Select(t => t.Id == "market-10-50" ? t with { Shards = 4 } : t)],
        });
        using var phone = factory.ClientFor(TestTokens.Person("wang-phone", "pid-hash-1"));
        using var tablet = factory.ClientFor(TestTokens.Person("wang-tablet", "pid-hash-1"));
        using var anonymous = factory.ClientFor(TestTokens.Resident("no-person"));

        Assert.Equal(HttpStatusCode.Created, (await phone.ClaimAsync(campaign.Id, "market-10-50", idempotencyKey: "tap-1")).StatusCode);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "limit_reached", tablet.ClaimAsync(campaign.Id, "market-10-50", idempotencyKey: "tap-1"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Forbidden, "person_id_required", anonymous.ClaimAsync(campaign.Id, "market-10-50"));
        Assert.Equal(HttpStatusCode.Created, (await tablet.ClaimAsync(campaign.Id, "dining-10-50")).StatusCode);

        var phoneWallet = await phone.GetFromJsonAsync<JsonElement>("/me/coupons", TestContext.Current.CancellationToken);
        var tabletWallet = await tablet.GetFromJsonAsync<JsonElement>("/me/coupons", TestContext.Current.CancellationToken);
        var phoneCoupon = Assert.Single(phoneWallet.EnumerateArray(), c => c.GetProperty("campaignId").GetString() == campaign.Id);
        Assert.Equal("market-10-50", phoneCoupon.GetProperty("couponTypeId").GetString());
        Assert.Equal("dining-10-50", Assert.Single(tabletWallet.EnumerateArray(), c => c.GetProperty("campaignId").GetString() == campaign.Id).GetProperty("couponTypeId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/me/coupons/{phoneCoupon.GetProperty("couponId").GetString()}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tablet.GetAsync($"/me/coupons/{phoneCoupon.GetProperty("couponId").GetString()}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ACampaignCountingAccountsIgnoresThePersonId()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var phone = factory.ClientFor(TestTokens.Person("li-phone", "pid-hash-2"));
        using var tablet = factory.ClientFor(TestTokens.Person("li-tablet", "pid-hash-2"));

        Assert.Equal(HttpStatusCode.Created, (await phone.ClaimAsync(campaign.Id, "market-10-50")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await tablet.ClaimAsync(campaign.Id, "market-10-50")).StatusCode);
    }
}
