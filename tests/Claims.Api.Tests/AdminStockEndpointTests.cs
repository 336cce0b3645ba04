using System.Text.Json;

namespace Claims.Api.Tests;

public sealed class AdminStockEndpointTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task OperatorsGrantListCouponsThatShowInTheWallet()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());

        var (status, grant) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync(
            $"/admin/campaigns/{campaign.Id}/grants", new { couponTypeId = "love-1000", userIds = new[] { "family-a", "family-b" } }, TestContext.Current.CancellationToken));
        var (_, again) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync(
            $"/admin/campaigns/{campaign.Id}/grants", new { couponTypeId = "love-1000", userIds = new[] { "family-a" } }, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, grant.GetProperty("granted").GetArrayLength());
        Assert.Equal(1, again.GetProperty("alreadyHeld").GetArrayLength());
        Assert.Equal(0, again.GetProperty("granted").GetArrayLength());
        using var family = factory.ClientFor(TestTokens.Resident("family-a"));
        var wallet = await family.GetFromJsonAsync<JsonElement>("/me/coupons", TestContext.Current.CancellationToken);
        Assert.Equal(1000m, Assert.Single(wallet.EnumerateArray()).GetProperty("faceValue").GetDecimal());
        Assert.Equal(HttpStatusCode.Created, (await family.ClaimAsync(campaign.Id, "love-1000")).StatusCode);
        using var stranger = factory.ClientFor(TestTokens.Resident("stranger"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "not_on_list", stranger.ClaimAsync(campaign.Id, "love-1000"));
    }

    [Fact]
    public async Task ListGrantsOfClaimableOrUnknownTypesAreRefused()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());

        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "not_list_only", admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/grants", new { couponTypeId = "market-10-50", userIds = new[] { "x" } }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "coupon_type_not_found", admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/grants", new { couponTypeId = "no-such-type", userIds = new[] { "x" } }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/grants", new { couponTypeId = "love-1000", userIds = new[] { "x", "x" } }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/grants", new { couponTypeId = "love-1000", userIds = Array.Empty<string>() }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "campaign_not_found", admin.PostAsJsonAsync("/admin/campaigns/no-such-campaign/grants", new { couponTypeId = "love-1000", userIds = new[] { "x" } }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StockMovesBetweenTypesOfAnUnopenedRoundOnlyWhenValuesBalance()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 100, opensAt: DateTimeOffset.UtcNow.AddDays(1)));
        var opened = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 100));
        using var admin = factory.ClientFor(TestTokens.Operator());
        var path = $"/admin/campaigns/{campaign.Id}/rounds/p1/stock";

        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "unbalanced_stock", admin.PutAsJsonAsync(path, new { stock = new Dictionary<string, int> { ["market-20-100"] = 50, ["market-10-50"] = 201 } }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "coupon_type_not_in_round", admin.PutAsJsonAsync(path, new { stock = new Dictionary<string, int> { ["fuel-20-200"] = 1 } }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "round_not_found", admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p9/stock", new { stock = new Dictionary<string, int> { ["market-10-50"] = 1 } }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "round_opened", admin.PutAsJsonAsync($"/admin/campaigns/{opened.Id}/rounds/p1/stock", new { stock = new Dictionary<string, int> { ["market-20-100"] = 50, ["market-10-50"] = 200 } }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.PutAsJsonAsync(path, new { stock = new Dictionary<string, int> { ["market-10-50"] = -1 } }, TestContext.Current.CancellationToken));

        var (status, moved) = await ClaimsApiFactory.ReadAsync(await admin.PutAsJsonAsync(path, new { stock = new Dictionary<string, int> { ["market-20-100"] = 50, ["market-10-50"] = 200 } }, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, moved.GetProperty("round").GetProperty("stock").GetProperty("market-10-50").GetInt32());
        Assert.Equal(moved.GetProperty("valueBefore").GetDecimal(), moved.GetProperty("valueAfter").GetDecimal());
        var view = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(200, view.GetProperty("pools").EnumerateArray().Single(p => p.GetProperty("couponTypeId").GetString() == "market-10-50").GetProperty("stock").GetInt32());
    }
}
