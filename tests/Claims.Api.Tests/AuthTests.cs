namespace Claims.Api.Tests;

public sealed class AuthTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    public static TheoryData<string?, string> RejectedTokens => new()
    {
        { null, "unauthenticated" },
        { TestTokens.Mint("u1", "resident", key: "someone-elses-signing-key-0123456789abcdef"), "invalid_token" },
        { TestTokens.Mint("u1", "resident", audience: "another-api"), "invalid_token" },
        { TestTokens.Mint("u1", "resident", issuer: "elsewhere"), "invalid_token" },
        { TestTokens.Mint("u1", "resident", issuedAt: DateTime.UtcNow.AddHours(-3), lifetime: TimeSpan.FromHours(1)), "token_expired" },
        { "not-a-jwt", "invalid_token" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task ClaimWithoutAValidTokenIsUnauthorizedWithItsReason(string? token, string code)
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var client = factory.ClientFor(token);

        var (status, body) = await ClaimsApiFactory.ReadAsync(await client.ClaimAsync(campaign.Id, "market-10-50"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(code, body.GetProperty("code").GetString());
        using var resident = factory.ClientFor(TestTokens.Resident("observer"));
        Assert.Equal(100, await resident.RemainingAsync(campaign.Id, "market-10-50"));
    }

    [Theory]
    [InlineData("merchant", "POST", "/campaigns/{id}/claims")]
    [InlineData("operator", "POST", "/campaigns/{id}/claims")]
    [InlineData("merchant", "GET", "/me/coupons")]
    [InlineData("resident", "POST", "/admin/campaigns")]
    [InlineData("resident", "GET", "/admin/campaigns/{id}")]
    [InlineData("resident", "POST", "/admin/campaigns/{id}/pause")]
    [InlineData("merchant", "POST", "/admin/campaigns/{id}/resume")]
    public async Task RoleThatDoesNotOwnAnEndpointIsForbidden(string role, string method, string path)
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var client = factory.ClientFor(TestTokens.Mint("intruder", role));
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", campaign.Id))
        {
            Content = method == "POST" ? JsonContent.Create(new { couponTypeId = "market-10-50", regionCode = "410423" }) : null,
        };

        var (status, body) = await ClaimsApiFactory.ReadAsync(await client.SendAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("forbidden", body.GetProperty("code").GetString());
        using var admin = factory.ClientFor(TestTokens.Operator());
        var view = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/admin/campaigns/{campaign.Id}", TestContext.Current.CancellationToken);
        Assert.Equal("active", view.GetProperty("status").GetString());
        Assert.All(view.GetProperty("pools").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("granted").GetInt32()));
    }

    [Fact]
    public async Task DevelopmentTokenEndpointDoesNotExistOutsideDevelopment()
    {
        using var client = factory.ClientFor(null);

        using var response = await client.GetAsync("/dev/token?sub=u1&role=operator", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("too-short-a-key")]
    public async Task OutsideDevelopmentTheApiWillNotStartWithoutASigningKeyOfItsOwn(string key)
    {
        await using var unkeyed = ClaimsApiFactory.With(new Dictionary<string, string> { ["Auth:SigningKey"] = key });

        var error = Assert.ThrowsAny<Exception>(() => unkeyed.Server);

        Assert.Contains("Auth:SigningKey must be set", error.ToString(), StringComparison.Ordinal);
    }
}
