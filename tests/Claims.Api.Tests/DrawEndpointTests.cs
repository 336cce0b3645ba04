using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>
/// A draw round through the API: residents register during the window, claims of the round are
/// refused, the draw runs at the opening with the seed whose hash every registrant was shown, and
/// each resident reads whether they were drawn.
/// </summary>
public sealed class DrawEndpointTests(SeedDayTests.Host host) : IClassFixture<SeedDayTests.Host>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResidentsRegisterThenTheDrawGivesTheStockToThoseDrawnAndTellsTheOthers()
    {
        var now = DateTimeOffset.UtcNow;
        host.Clock.Set(now);
        var open = ApiCampaigns.Open();
        var campaign = open with
        {
            CouponTypes = [.. open.CouponTypes, new("draw-50-250", "dining", 50, 250, null, false)],
            Rounds = [.. open.Rounds, new("d1", "d", "county", now.AddHours(1), now.AddDays(1), new(7, null, false), new Dictionary<string, int> { ["draw-50-250"] = 2 }, Draw: new(now.AddMinutes(-10)))],
        };
        using var admin = Client("ops", "operator");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, Ct)).StatusCode);
        var residents = Enumerable.Range(0, 5).Select(i => Client($"entrant-{i}", "resident")).ToArray();

        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "round_not_open", residents[0].ClaimAsync(campaign.Id, "draw-50-250"));
        var (status, registered) = await ClaimsApiFactory.ReadAsync(await Register(residents[0], campaign.Id));
        var (_, again) = await ClaimsApiFactory.ReadAsync(await Register(residents[0], campaign.Id));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(registered.GetProperty("registeredAt").GetDateTimeOffset(), again.GetProperty("registeredAt").GetDateTimeOffset());
        foreach (var resident in residents[1..])
        {
            Assert.Equal(HttpStatusCode.Created, (await Register(resident, campaign.Id)).StatusCode);
        }

        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "region_not_eligible", Register(residents[0], campaign.Id, "110101"));
        var published = await residents[0].GetFromJsonAsync<JsonElement>($"/campaigns/{campaign.Id}/draws/d1", Ct);
        Assert.Equal(registered.GetProperty("seedHash").GetString(), published.GetProperty("seedHash").GetString());
        Assert.False(published.TryGetProperty("seed", out _));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "draw_not_due", admin.PostAsync($"/admin/campaigns/{campaign.Id}/rounds/d1/draw", null, Ct));
        Assert.Equal("pending", (await residents[0].GetFromJsonAsync<JsonElement>($"/campaigns/{campaign.Id}/draws/d1/me", Ct)).GetProperty("result").GetString());

        host.Clock.Set(now.AddHours(1).AddMinutes(1));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "draw_only", residents[0].ClaimAsync(campaign.Id, "draw-50-250"));
        using (var late = Client("late", "resident"))
        {
            await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "registration_closed", Register(late, campaign.Id));
        }

        var (drawStatus, drawn) = await ClaimsApiFactory.ReadAsync(await admin.PostAsync($"/admin/campaigns/{campaign.Id}/rounds/d1/draw", null, Ct));

        Assert.Equal(HttpStatusCode.OK, drawStatus);
        Assert.Equal(64, drawn.GetProperty("seed").GetString()!.Length);
        var result = Assert.Single(drawn.GetProperty("results").EnumerateArray());
        Assert.Equal((5, 2), (result.GetProperty("registrants").GetInt32(), result.GetProperty("winners").GetInt32()));
        var entries = await Task.WhenAll(residents.Select(r => r.GetFromJsonAsync<JsonElement>($"/campaigns/{campaign.Id}/draws/d1/me", Ct)));
        Assert.Equal(2, entries.Count(e => e.GetProperty("result").GetString() == "drawn" && e.GetProperty("coupon").GetProperty("couponTypeId").GetString() == "draw-50-250"));
        Assert.Equal(3, entries.Count(e => e.GetProperty("result").GetString() == "notDrawn" && !e.TryGetProperty("coupon", out _)));
        var csv = await admin.GetStringAsync($"/admin/campaigns/{campaign.Id}/draws/d1/registrations", Ct);
        Assert.Equal(1 + 5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "draw_not_found", admin.PostAsync($"/admin/campaigns/{campaign.Id}/rounds/p1/draw", null, Ct));
        foreach (var resident in residents)
        {
            resident.Dispose();
        }
    }

    private static Task<HttpResponseMessage> Register(HttpClient resident, string campaignId, string regionCode = "410423") =>
        resident.PostAsJsonAsync($"/campaigns/{campaignId}/registrations", new { couponTypeId = "draw-50-250", regionCode }, Ct);

    private HttpClient Client(string subject, string role) =>
        host.ClientFor(TestTokens.Mint(subject, role, lifetime: TimeSpan.FromDays(20 * 365), issuedAt: DateTime.UtcNow.AddYears(-10)));
}
