using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>The Orleans dashboard at /dashboard: operators only, by bearer token or by the cookie of the sign-in page.</summary>
public sealed class DashboardTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task AnOperatorSeesTheDashboardAndItsClusterFigures()
    {
        using var admin = factory.ClientFor(TestTokens.Operator());

        using var page = await admin.GetAsync("/dashboard/", TestContext.Current.CancellationToken);
        var stats = await admin.GetFromJsonAsync<JsonElement>("/dashboard/ClusterStats", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(JsonValueKind.Undefined, stats.ValueKind);
    }

    [Theory]
    [InlineData("resident", HttpStatusCode.Forbidden, "forbidden")]
    [InlineData("merchant", HttpStatusCode.Forbidden, "forbidden")]
    [InlineData(null, HttpStatusCode.Unauthorized, "unauthenticated")]
    public async Task AnyoneElseIsRefused(string? role, HttpStatusCode status, string code)
    {
        using var client = factory.ClientFor(role is null ? null : TestTokens.Mint("outsider", role));

        await ApiAssert.ProblemAsync(status, code, client.GetAsync("/dashboard/ClusterStats", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ABrowserSignsInWithAnOperatorTokenAndOpensTheDashboardByCookie()
    {
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var html = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        html.Headers.Accept.ParseAdd("text/html");
        using var unsigned = await browser.SendAsync(html, TestContext.Current.CancellationToken);
        Assert.Equal("/operator/login?returnUrl=%2Fdashboard%2F", unsigned.Headers.Location?.OriginalString);

        using var refused = await SignInAsync(browser, TestTokens.Resident("zhang"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));

        using var signedIn = await SignInAsync(browser, TestTokens.Operator());
        Assert.Equal("/dashboard/", signedIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/dashboard/ClusterStats");
        withCookie.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(withCookie, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task TheSignInPageSendsNobodyOffTheSite(string returnUrl)
    {
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = TestTokens.Operator(), ["returnUrl"] = returnUrl });

        using var signedIn = await browser.PostAsync("/operator/login", form, TestContext.Current.CancellationToken);

        Assert.Equal("/dashboard/", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheCookieAloneSignsInReadsButNoChange()
    {
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var signedIn = await SignInAsync(browser, TestTokens.Operator());
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie")).Split(';')[0];

        // What a form on another site could send: the cookie, no header of ours.
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/admin/alerts/some-alert/suspend");
        forged.Headers.Add("Cookie", cookie);
        await ApiAssert.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated", browser.SendAsync(forged, TestContext.Current.CancellationToken));

        using var fromThePage = new HttpRequestMessage(HttpMethod.Post, "/admin/alerts/some-alert/suspend");
        fromThePage.Headers.Add("Cookie", cookie);
        fromThePage.Headers.Add("X-Claims-Operator", "1");
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "alert_not_found", browser.SendAsync(fromThePage, TestContext.Current.CancellationToken));
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string token) =>
        browser.PostAsync("/operator/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["returnUrl"] = "/dashboard/" }), TestContext.Current.CancellationToken);
}
