using System.Text;

namespace Claims.Api.Tests;

public sealed class BadInputTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    public static TheoryData<string, string, string, string> BadClaims => new()
    {
        { "{ not json", "application/json", "valid", "malformed_json" },
        { """{"couponTypeId": 5, "regionCode": "410423"}""", "application/json", "valid", "malformed_json" },
        { """{"couponTypeId": ["a"], "regionCode": "410423"}""", "application/json", "valid", "malformed_json" },
        { """["market-10-50"]""", "application/json", "valid", "malformed_json" },
        { "null", "application/json", "valid", "invalid_request" },
        { "{}", "application/json", "valid", "invalid_request" },
        { """{"couponTypeId": "market-10-50"}""", "application/json", "valid", "invalid_request" },
        { """{"couponTypeId": "market-10-50", "regionCode": "41O423"}""", "application/json", "valid", "invalid_request" },
        { """{"couponTypeId": "Market/../x", "regionCode": "410423"}""", "application/json", "valid", "invalid_request" },
        { """{"couponTypeId": "market-10-50", "regionCode": "410423"}""", "text/plain", "valid", "unsupported_media_type" },
        { """{"couponTypeId": "market-10-50", "regionCode": "410423"}""", "application/json", "BAD.ID", "invalid_id" },
        { """{"couponTypeId": "market-10-50", "regionCode": "410423"}""", "application/json", "no-such-campaign", "campaign_not_found" },
        { """{"couponTypeId": "no-such-type", "regionCode": "410423"}""", "application/json", "valid", "coupon_type_not_found" },
    };

    [Theory]
    [MemberData(nameof(BadClaims))]
    public async Task BadClaimIsRefusedWithItsCodeAndChangesNothing(string body, string contentType, string campaignId, string code)
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        var user = $"fuzzy-{Guid.NewGuid():N}";
        using var client = factory.ClientFor(TestTokens.Resident(user));
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        using var response = await client.PostAsync($"/campaigns/{(campaignId == "valid" ? campaign.Id : campaignId)}/claims", content, TestContext.Current.CancellationToken);
        var (status, problem) = await ClaimsApiFactory.ReadAsync(response);

        Assert.InRange((int)status, 400, 499);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        await AssertUntouchedAsync(client, campaign);
    }

    [Fact]
    public async Task HugeBodyIsRefusedAsTooLarge()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        var user = $"fuzzy-{Guid.NewGuid():N}";
        using var client = factory.ClientFor(TestTokens.Resident(user));
        var padding = new string('x', 400 * 1024);
        using var content = new StringContent($$"""{"couponTypeId": "market-10-50", "regionCode": "410423", "pad": "{{padding}}"}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync($"/campaigns/{campaign.Id}/claims", content, TestContext.Current.CancellationToken);
        var (status, problem) = await ClaimsApiFactory.ReadAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("body_too_large", problem.GetProperty("code").GetString());
        await AssertUntouchedAsync(client, campaign);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("a\u0001b")]
    public async Task BadIdempotencyKeyIsRefused(string key)
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        var user = $"fuzzy-{Guid.NewGuid():N}";
        using var client = factory.ClientFor(TestTokens.Resident(user));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/campaigns/{campaign.Id}/claims")
        {
            Content = JsonContent.Create(new { couponTypeId = "market-10-50", regionCode = "410423" }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var (status, problem) = await ClaimsApiFactory.ReadAsync(await client.SendAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_idempotency_key", problem.GetProperty("code").GetString());
        await AssertUntouchedAsync(client, campaign);
    }

    [Fact]
    public async Task OverlongIdempotencyKeyIsRefused()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        var user = $"fuzzy-{Guid.NewGuid():N}";
        using var client = factory.ClientFor(TestTokens.Resident(user));

        var (status, problem) = await ClaimsApiFactory.ReadAsync(await client.ClaimAsync(campaign.Id, "market-10-50", idempotencyKey: new string('k', 129)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_idempotency_key", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/campaigns/UPPER", "invalid_id")]
    [InlineData("/campaigns/no-such-campaign", "campaign_not_found")]
    [InlineData("/no/such/route", "not_found")]
    public async Task BadLookupsAnswerProblemsWithCodes(string path, string code)
    {
        using var client = factory.ClientFor(TestTokens.Resident("fuzzy"));

        var (status, problem) = await ClaimsApiFactory.ReadAsync(await client.GetAsync(path, TestContext.Current.CancellationToken));

        Assert.InRange((int)status, 400, 499);
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    private static async Task AssertUntouchedAsync(HttpClient client, CampaignDefinition campaign)
    {
        Assert.Equal(100, await client.RemainingAsync(campaign.Id, "market-10-50"));
        var wallet = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/me/coupons", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(wallet.EnumerateArray(), c => c.GetProperty("campaignId").GetString() == campaign.Id);
    }
}
