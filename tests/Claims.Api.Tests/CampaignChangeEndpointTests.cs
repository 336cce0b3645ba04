using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>A running campaign changes: residents blacklisted and let back in (001, 003: 黑名单), validities extended; a past definition is not loaded by mistake.</summary>
public sealed class CampaignChangeEndpointTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task AResidentBlacklistedMidCampaignIsRefusedWithinSecondsAndLetBackInLater()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());
        using var cheater = factory.ClientFor(TestTokens.Resident("late-cheater"));
        Assert.Equal(HttpStatusCode.Created, (await cheater.ClaimAsync(campaign.Id, "market-10-50")).StatusCode);

        var (status, view) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/blacklist", new { add = new[] { "late-cheater" }, remove = Array.Empty<string>() }, Ct));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("late-cheater", view.GetProperty("definition").GetProperty("blacklist").EnumerateArray().Select(e => e.GetString()));

        // Once this node's copy has the change, no claim of the resident gets through.
        Assert.Equal("blacklisted", await cheater.ClaimCodeWithinAsync(campaign.Id, "market-20-100", "blacklisted"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "blacklisted", cheater.ClaimAsync(campaign.Id, "dining-10-50"));
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", Ct)).GetProperty("pools").EnumerateArray().Sum(p => p.GetProperty("granted").GetInt32()));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/blacklist", new { remove = new[] { "late-cheater" } }, Ct)).StatusCode);
        Assert.Equal("created", await cheater.ClaimCodeWithinAsync(campaign.Id, "dining-10-50", "created"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"add":[]}""")]
    [InlineData("""{"add":["  "]}""")]
    [InlineData("""{"add":["a"],"remove":["a"]}""")]
    public async Task ABadBlacklistChangeIsAProblemAndChangesNothing(string body)
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());

        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.PostAsync($"/admin/campaigns/{campaign.Id}/blacklist", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct));

        var definition = (await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", Ct)).GetProperty("definition");
        Assert.Equal(campaign.Blacklist, definition.GetProperty("blacklist").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task ADefinitionWhoseRoundsHaveAllClosedIsRefusedUnlessAskedFor()
    {
        var open = ApiCampaigns.Open();
        var past = open with { Rounds = [.. open.Rounds.Select(r => r with { OpensAt = r.OpensAt.AddYears(-3), ClosesAt = r.ClosesAt.AddYears(-3) })] };
        using var admin = factory.ClientFor(TestTokens.Operator());

        var (status, problem) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync("/admin/campaigns", past, CampaignJson.Options, Ct));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_campaign"), (status, problem.GetProperty("code").GetString()));
        Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("code").GetString() == "rounds_in_past");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/campaigns/{past.Id}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/admin/campaigns?allowPast=true", past, CampaignJson.Options, Ct)).StatusCode);
    }

    [Fact]
    public async Task AnOperatorAddsARoundAndChangesItBeforeItOpensButNeverAnOpenedOne()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());
        var opens = DateTimeOffset.UtcNow.AddDays(3);
        object Round(string id, int stock, DateTimeOffset? at = null) => new
        {
            id,
            phase = "2",
            fund = "county",
            opensAt = at ?? opens,
            closesAt = (at ?? opens).AddDays(2),
            validity = new { days = 7 },
            stock = new Dictionary<string, int> { ["market-10-50"] = stock },
        };

        var (added, view) = await ClaimsApiFactory.ReadAsync(await admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p2", Round("p2", 50), Ct));
        Assert.Equal(HttpStatusCode.Created, added);
        Assert.Equal(2, view.GetProperty("definition").GetProperty("rounds").GetArrayLength());
        var (changed, again) = await ClaimsApiFactory.ReadAsync(await admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p2", Round("p2", 80), Ct));
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal(80, again.GetProperty("definition").GetProperty("rounds")[1].GetProperty("stock").GetProperty("market-10-50").GetInt32());

        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "round_opened", admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p1", Round("p1", 1, DateTimeOffset.UtcNow.AddDays(5)), Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "round_opened", admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p3", Round("p3", 1, DateTimeOffset.UtcNow), Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_id", admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p4", Round("p5", 1), Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_campaign", admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p6", Round("p6", 1_000_000, opens.AddDays(3)), Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "campaign_not_found", admin.PutAsJsonAsync("/admin/campaigns/no-such-campaign/rounds/p2", Round("p2", 1), Ct));

        var rounds = (await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", Ct)).GetProperty("definition").GetProperty("rounds");
        Assert.Equal(["p1", "p2"], rounds.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AnOperatorExtendsAnOpenRoundsValidityAndGrantedCouponsShowTheNewEnd()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());
        using var resident = factory.ClientFor(TestTokens.Resident("keeps-it"));
        var couponId = await resident.ClaimedCouponIdAsync(campaign.Id);
        var until = DateTimeOffset.UtcNow.AddDays(30);

        var (status, view) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p1/validity", new { until }, Ct));

        Assert.Equal(HttpStatusCode.OK, status);
        var extension = Assert.Single(view.GetProperty("definition").GetProperty("rounds")[0].GetProperty("validity").GetProperty("extensions").EnumerateArray());
        Assert.Equal(until, extension.GetProperty("until").GetDateTimeOffset());
        var coupon = await resident.GetFromJsonAsync<JsonElement>($"/me/coupons/{couponId}", Ct);
        Assert.Equal(until, coupon.GetProperty("validUntil").GetDateTimeOffset());

        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "validity_not_extended", admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p1/validity", new { until = DateTimeOffset.UtcNow.AddDays(1) }, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "round_not_found", admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p9/validity", new { until }, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p1/validity", new { }, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_campaign", admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p1/validity", new { until = DateTimeOffset.UtcNow.AddYears(20) }, Ct));
        var after = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", Ct);
        Assert.Single(after.GetProperty("definition").GetProperty("rounds")[0].GetProperty("validity").GetProperty("extensions").EnumerateArray());
    }

    [Fact]
    public async Task AnOperatorRoutesARoundsLeftoverIntoAnotherTypeOfTheNextRound()
    {
        var open = ApiCampaigns.Open();
        var p1 = open.Rounds[0];
        var campaign = await factory.CreateCampaignAsync(open with
        {
            Rounds = [p1, p1 with { Id = "p2", Phase = "2", OpensAt = p1.ClosesAt.AddDays(1), ClosesAt = p1.ClosesAt.AddDays(3), Stock = new Dictionary<string, int> { ["dining-10-50"] = 10 } }],
        });
        using var admin = factory.ClientFor(TestTokens.Operator());

        var (status, view) = await ClaimsApiFactory.ReadAsync(await admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p1/rollover", new Dictionary<string, string> { ["market-10-50"] = "dining-10-50" }, Ct));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("dining-10-50", view.GetProperty("definition").GetProperty("rounds")[0].GetProperty("rollInto").GetProperty("market-10-50").GetString());
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_campaign", admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p1/rollover", new Dictionary<string, string> { ["market-20-100"] = "fuel-20-200" }, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p1/rollover", new Dictionary<string, string> { ["market-20-100"] = "Not An Id" }, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "round_not_found", admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p9/rollover", new Dictionary<string, string>(), Ct));
        var after = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", Ct);
        Assert.Single(after.GetProperty("definition").GetProperty("rounds")[0].GetProperty("rollInto").EnumerateObject());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/p1/rollover", new Dictionary<string, string>(), Ct)).StatusCode);
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", Ct)).GetProperty("definition").GetProperty("rounds")[0].TryGetProperty("rollInto", out _));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
