using System.Text;
using System.Text.Json;
using Claims.Contracts.Claims;

namespace Claims.Api.Tests;

public sealed class AdminCampaignEndpointTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task CreatingTheSameCampaignTwiceIsAcceptedAndADifferentOneConflicts()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());

        using var again = await admin.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, TestContext.Current.CancellationToken);
        var (status, problem) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync("/admin/campaigns", campaign with { Name = "other" }, CampaignJson.Options, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("campaign_exists", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task InvalidCampaignListsEveryViolationAndIsNotCreated()
    {
        var valid = ApiCampaigns.Open();
        var invalid = valid with
        {
            TimeZone = "Mars/Olympus",
            MinLeverage = 6,
            Funds = [new("county", 100.123m)],
            Limits = [new(LimitPeriod.Phase, LimitGrouping.Industry, 1, ["spaceships"])],
            LimitsFreedBy = [CouponStatus.Used],
        };
        using var admin = factory.ClientFor(TestTokens.Operator());

        var (status, problem) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync("/admin/campaigns", invalid, CampaignJson.Options, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_campaign", problem.GetProperty("code").GetString());
        var codes = problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "unknown_time_zone", "leverage_below_floor", "too_many_decimals", "fund_exceeded", "unknown_industry", "invalid_limits_freed_by" }, codes);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/campaigns/{invalid.Id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ACampaignWhoseRefundsFreeTheLimitClaimsAgainAfterARefund()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open() with { LimitsFreedBy = [CouponStatus.Void, CouponStatus.Expired] });
        using var admin = factory.ClientFor(TestTokens.Operator());
        var merchantId = await admin.ApprovedMerchantAsync();
        using var till = factory.ClientFor(TestTokens.Merchant(merchantId));
        using var resident = factory.ClientFor(TestTokens.Resident("second-chance"));
        Assert.Equal(HttpStatusCode.OK, (await till.RedeemAsync(await resident.ClaimedCouponIdAsync(campaign.Id), "second-chance", "order-1", 60m)).StatusCode);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "limit_reached", resident.ClaimAsync(campaign.Id, "market-20-100"));

        Assert.Equal(HttpStatusCode.OK, (await till.RefundAsync("order-1")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await resident.ClaimAsync(campaign.Id, "market-20-100")).StatusCode);
        var shown = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(["void", "expired"], shown.GetProperty("definition").GetProperty("limitsFreedBy").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("""{"id": "x", "funds": "lots"}""", "malformed_json")]
    [InlineData("""{"id": "x", "funds": [{"id": "f", "amount": 1e400}]}""", "malformed_json")]
    [InlineData("""{"id": "x", "limits": [{"per": "fortnight", "groupBy": "all", "max": 1}]}""", "malformed_json")]
    [InlineData("""{"id": "x"}""", "malformed_json")]
    [InlineData("""{"id": "x", "nmae": "typo"}""", "malformed_json")]
    [InlineData("""{"id": "x", "id": "y"}""", "malformed_json")]
    public async Task MalformedDefinitionIsRefused(string json, string code)
    {
        using var admin = factory.ClientFor(TestTokens.Operator());
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        var (status, problem) = await ClaimsApiFactory.ReadAsync(await admin.PostAsync("/admin/campaigns", content, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        var list = await admin.GetFromJsonAsync<JsonElement>("/campaigns", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(list.EnumerateArray(), c => c.GetProperty("id").GetString() is "x" or "Bad Id!");
    }

    [Fact]
    public async Task PauseStopsClaimsAndResumeLetsThemThrough()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());
        using var resident = factory.ClientFor(TestTokens.Resident("chen"));

        var paused = await (await admin.PostAsync($"/admin/campaigns/{campaign.Id}/pause", null, TestContext.Current.CancellationToken)).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var refused = await ClaimsApiFactory.ReadAsync(await resident.ClaimAsync(campaign.Id, "market-10-50"));
        await admin.PostAsync($"/admin/campaigns/{campaign.Id}/resume", null, TestContext.Current.CancellationToken);
        using var granted = await resident.ClaimAsync(campaign.Id, "market-10-50");

        Assert.Equal("paused", paused.GetProperty("status").GetString());
        Assert.Equal("campaign_paused", refused.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", TestContext.Current.CancellationToken);
        Assert.Equal("active", view.GetProperty("status").GetString());
        var pool = view.GetProperty("pools").EnumerateArray().Single(p => p.GetProperty("couponTypeId").GetString() == "market-10-50");
        Assert.Equal(1, pool.GetProperty("granted").GetInt32());
        Assert.Equal(99, pool.GetProperty("remaining").GetInt32());
    }

    [Theory]
    [InlineData("POST", "/admin/campaigns/no-such-campaign/pause")]
    [InlineData("GET", "/admin/campaigns/no-such-campaign")]
    public async Task UnknownCampaignIsNotFound(string method, string path)
    {
        using var admin = factory.ClientFor(TestTokens.Operator());

        var (status, problem) = await ClaimsApiFactory.ReadAsync(await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("campaign_not_found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task HealthEndpointsAnswer()
    {
        using var client = factory.ClientFor(null);

        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        var membership = ready.GetProperty("checks").GetProperty("membership");
        Assert.Equal(("Healthy", "1 active silo(s)."), (membership.GetProperty("status").GetString(), membership.GetProperty("description").GetString()));
    }
}
