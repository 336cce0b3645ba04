using System.Net.Http.Headers;
using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>Merchants as a register: they apply themselves, operators approve them, and the register lists, filters and exports who did what and when.</summary>
public sealed class MerchantRegisterTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task AMerchantAppliesAnOperatorApprovesAndTheRegisterShowsWhoDidEachStep()
    {
        var merchantId = $"shop-{Guid.NewGuid():N}"[..20];
        using var till = factory.ClientFor(TestTokens.Merchant(merchantId));
        using var admin = factory.ClientFor(TestTokens.Operator("operator-li"));

        var (applied, pending) = await ClaimsApiFactory.ReadAsync(await till.PostAsJsonAsync("/merchants/apply", new { name = "=HYPERLINK(1)", industries = new[] { "dining" }, regionCode = "410423" }, Ct));
        Assert.Equal((HttpStatusCode.Created, "pending"), (applied, pending.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await till.PostAsJsonAsync("/merchants/apply", new { name = "=HYPERLINK(1)", industries = new[] { "dining" }, regionCode = "410423" }, Ct)).StatusCode);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "merchant_exists", till.PostAsJsonAsync("/merchants/apply", new { name = "other", industries = new[] { "dining" }, regionCode = "410423" }, Ct));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/merchants/{merchantId}/approve", null, Ct)).StatusCode);

        var listed = (await admin.GetFromJsonAsync<JsonElement>("/admin/merchants?industry=dining&regionCode=4104&status=approved", Ct)).EnumerateArray().Single(m => m.GetProperty("id").GetString() == merchantId);
        var steps = listed.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("status").GetString(), s.GetProperty("by").GetString())).ToList();
        Assert.Equal([("pending", merchantId), ("approved", "operator-li")], steps);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/admin/merchants?status=pending", Ct)).EnumerateArray(), m => m.GetProperty("id").GetString() == merchantId);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/admin/merchants?regionCode=11", Ct)).EnumerateArray(), m => m.GetProperty("id").GetString() == merchantId);

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/admin/merchants?industry=dining");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await (await admin.SendAsync(csvRequest, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("id,name,industries,regionCode,status,registeredAt,lastChangeAt,lastChangeBy,held\r\n", csv);
        Assert.Contains($"\r\n{merchantId},'=HYPERLINK(1),dining,410423,approved,", csv);
        Assert.Contains(",operator-li,false\r\n", csv);
    }

    [Theory]
    [InlineData("/admin/merchants?status=closed")]
    [InlineData("/admin/merchants?regionCode=41a")]
    [InlineData("/admin/merchants?industry=Bad%20Id")]
    public async Task ABadFilterIsAProblem(string url)
    {
        using var admin = factory.ClientFor(TestTokens.Operator());
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.GetAsync(url, Ct));
    }

    [Fact]
    public async Task OnlyAMerchantAppliesAndOnlyForItself()
    {
        using var resident = factory.ClientFor(TestTokens.Resident("not-a-shop"));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync("/merchants/apply", new { name = "x", industries = new[] { "dining" }, regionCode = "410423" }, Ct)).StatusCode);
        using var till = factory.ClientFor(TestTokens.Merchant("bad input"));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", till.PostAsJsonAsync("/merchants/apply", new { name = "x", industries = new[] { "dining" }, regionCode = "410423" }, Ct));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
