using System.Text;
using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>
/// Members-only coupons through the API (003: union members): an operator uploads the list as CSV
/// chunks and commits it; listed residents claim, others are refused <c>not_on_list</c>.
/// </summary>
public sealed class MemberListEndpointTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task AListOfAHundredAndFiftyThousandSentInChunksAdmitsItsMembersOnly()
    {
        var campaign = await CreateAsync();
        using var admin = factory.ClientFor(TestTokens.Operator());
        var lists = $"/admin/campaigns/{campaign.Id}/member-lists/union";
        var upload = await StartAsync(admin, campaign);

        var first = await PutChunkAsync(admin, campaign, upload, 0, "userId\r\n" + string.Join("\r\n", Enumerable.Range(0, 100_000).Select(i => $"member-{i}")));
        var second = await PutChunkAsync(admin, campaign, upload, 1, string.Join("\n", Enumerable.Range(100_000, 50_000).Select(i => $"member-{i},工会")) + "\n\"member,quoted\"\n");
        var (status, list) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync($"{lists}/uploads/{upload}/commit", new { chunks = 2 }, TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first, second, status));
        Assert.Equal(150_001, list.GetProperty("members").GetInt32());
        Assert.Equal(upload, list.GetProperty("upload").GetInt32());
        using var member = factory.ClientFor(TestTokens.Resident("member-149999"));
        using var quoted = factory.ClientFor(TestTokens.Resident("member,quoted"));
        using var outsider = factory.ClientFor(TestTokens.Resident("member-150000"));
        Assert.Equal(HttpStatusCode.Created, (await member.ClaimAsync(campaign.Id, "union-20-100")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await quoted.ClaimAsync(campaign.Id, "union-20-100")).StatusCode);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "not_on_list", outsider.ClaimAsync(campaign.Id, "union-20-100"));
        Assert.Equal(HttpStatusCode.Created, (await outsider.ClaimAsync(campaign.Id, "market-10-50")).StatusCode);
        var check = await admin.GetFromJsonAsync<JsonElement>($"{lists}/members/member-7", TestContext.Current.CancellationToken);
        Assert.True(check.GetProperty("member").GetBoolean());
        var catalog = await outsider.GetFromJsonAsync<JsonElement>($"/campaigns/{campaign.Id}", TestContext.Current.CancellationToken);
        Assert.True(catalog.GetProperty("couponTypes").EnumerateArray().Single(t => t.GetProperty("couponTypeId").GetString() == "union-20-100").GetProperty("membersOnly").GetBoolean());
    }

    [Fact]
    public async Task BadUploadsAreRefusedWithACodeAndChangeNothing()
    {
        var campaign = await CreateAsync();
        using var admin = factory.ClientFor(TestTokens.Operator());
        var lists = $"/admin/campaigns/{campaign.Id}/member-lists";
        var upload = await StartAsync(admin, campaign);
        Assert.Equal(HttpStatusCode.OK, await PutChunkAsync(admin, campaign, upload, 0, "kept"));

        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.PutAsync($"{lists}/union/uploads/{upload}/chunks/0", Csv("fine\n\"unterminated\nbad\u0001id"), TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.PutAsync($"{lists}/union/uploads/{upload}/chunks/0", Csv(string.Join("\n", Enumerable.Range(0, 100_001).Select(i => $"r{i}"))), TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_id", admin.PutAsync($"{lists}/union/uploads/{upload}/chunks/10000", Csv("x"), TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "upload_not_found", admin.PutAsync($"{lists}/union/uploads/{upload + 5}/chunks/0", Csv("x"), TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "member_list_not_found", admin.PostAsync($"{lists}/no-such-list/uploads", null, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "campaign_not_found", admin.PostAsync("/admin/campaigns/no-such-campaign/member-lists/union/uploads", null, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.PostAsJsonAsync($"{lists}/union/uploads/{upload}/commit", new { chunks = 0 }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "chunks_mismatch", admin.PostAsJsonAsync($"{lists}/union/uploads/{upload}/commit", new { chunks = 2 }, TestContext.Current.CancellationToken));

        var list = await admin.GetFromJsonAsync<JsonElement>($"{lists}/union", TestContext.Current.CancellationToken);
        Assert.Equal(0, list.GetProperty("upload").GetInt32());
        var open = Assert.Single(list.GetProperty("openUploads").EnumerateArray());
        Assert.Equal(1, open.GetProperty("chunks").GetProperty("0").GetInt32());

        var (status, _) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync($"{lists}/union/uploads/{upload}/commit", new { chunks = 1 }, TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, status);
        var newer = await StartAsync(admin, campaign);
        Assert.Equal(HttpStatusCode.OK, await PutChunkAsync(admin, campaign, newer, 0, "newer"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{lists}/union/uploads/{newer}/commit", new { chunks = 1 }, TestContext.Current.CancellationToken)).StatusCode);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "upload_superseded", admin.PostAsJsonAsync($"{lists}/union/uploads/{upload}/commit", new { chunks = 1 }, TestContext.Current.CancellationToken));
        using var resident = factory.ClientFor(TestTokens.Resident("newer"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Forbidden, "forbidden", resident.PostAsync($"{lists}/union/uploads", null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ADefinitionNamingAMemberListOnAListOnlyTypeIsRefused()
    {
        var open = ApiCampaigns.Open();
        using var admin = factory.ClientFor(TestTokens.Operator());
        var definition = open with { CouponTypes = [.. open.CouponTypes.Select(t => t.ListOnly ? t with { MemberList = "union" } : t)] };

        var response = await admin.PostAsJsonAsync("/admin/campaigns", definition, CampaignJson.Options, TestContext.Current.CancellationToken);

        var (status, problem) = await ClaimsApiFactory.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("code").GetString() == "invalid_member_list");
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<int> StartAsync(HttpClient admin, CampaignDefinition campaign)
    {
        var (status, upload) = await ClaimsApiFactory.ReadAsync(await admin.PostAsync($"/admin/campaigns/{campaign.Id}/member-lists/union/uploads", null, TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Created, status);
        return upload.GetProperty("upload").GetInt32();
    }

    private static async Task<HttpStatusCode> PutChunkAsync(HttpClient admin, CampaignDefinition campaign, int upload, int chunk, string csv) =>
        (await admin.PutAsync($"/admin/campaigns/{campaign.Id}/member-lists/union/uploads/{upload}/chunks/{chunk}", Csv(csv), TestContext.Current.CancellationToken)).StatusCode;

    private Task<CampaignDefinition> CreateAsync()
    {
        var open = ApiCampaigns.Open();
        return factory.CreateCampaignAsync(open with
        {
            CouponTypes = [.. open.CouponTypes, new("union-20-100", "union", 20, 100, null, false, MemberList: "union")],
            Rounds = [.. open.Rounds.Select(r => r with { Stock = new Dictionary<string, int>(r.Stock) { ["union-20-100"] = 100 } })],
        });
    }
}
