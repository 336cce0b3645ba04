using System.Reflection;
using System.Text.Json;
using Claims.Api.Claims;
using Claims.Api.Docs;
using Claims.Api.Problems;
using Claims.Api.Redemptions;
using Claims.Contracts.Claims;
using Claims.Contracts.Redemptions;

namespace Claims.Api.Tests;

/// <summary>The OpenAPI document describes every endpoint and every problem code, and /docs shows it.</summary>
public sealed class ApiDocsTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task TheDocumentListsEveryEndpointAndEveryProblemCode()
    {
        using var anyone = factory.ClientFor(null);

        var document = await anyone.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        string[] expected =
        [
            "/campaigns", "/campaigns/{campaignId}", "/campaigns/{campaignId}/claims", "/me/coupons", "/redemptions", "/redemptions/{orderId}/refund",
            "/admin/campaigns", "/admin/campaigns/{campaignId}", "/admin/campaigns/{campaignId}/report", "/admin/campaigns/{campaignId}/settlement",
            "/admin/campaigns/{campaignId}/reconciliation", "/admin/campaigns/{campaignId}/audit-sample", "/admin/merchants",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        var description = document.GetProperty("info").GetProperty("description").GetString()!;
        Assert.All(EveryCode(), code => Assert.Contains($"| `{code}` |", description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDocsPageIsServedToAnyone()
    {
        using var anyone = factory.ClientFor(null);

        using var page = await anyone.GetAsync("/docs", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/openapi/v1.json", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void TheCatalogHasEveryCodeTheApiCanAnswer() =>
        Assert.All(EveryCode(), code => Assert.Contains(ProblemCatalog.All, c => c.Code == code));

    // Every constant of ProblemCodes but the item key, and every refusal's code.
    private static IEnumerable<string> EveryCode() =>
        typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(ProblemCodes.ItemKey))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Enum.GetValues<ClaimRefusal>().Select(ClaimRefusalCodes.Code))
            .Concat(Enum.GetValues<RedemptionRefusal>().Select(RedemptionRefusalCodes.Code));
}
