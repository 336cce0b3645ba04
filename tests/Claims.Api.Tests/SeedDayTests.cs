using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Claims.Api.Tests;

/// <summary>
/// Every seed's programme runs its day on the API from its sample, on the sample's own dates: the
/// rush with its limits and eligibility, redemptions under the seed's rules (invoices reviewed
/// where the seed asks for them), a list grant where the seed has one, a refund, a merchant's
/// money held back and an order reversed, a change mid-campaign (a resident blacklisted, and for
/// Zhumadian the next period added from the redemption data), expiry and rollover into the next
/// round, then settlement, the report, a reconciliation without difference and the audit sample.
/// </summary>
public sealed class SeedDayTests : IClassFixture<SeedDayTests.Host>
{
    private const int Crowd = 30;

    private readonly Host _host;

    public SeedDayTests(Host host) => _host = host;

    [Theory]
    [InlineData("lushan-2023.json")] // seed 000: Lushan county 2023, two phases, one per industry per phase
    [InlineData("shanxi-city-2022.json")] // seed 001: a Shanxi city 2022, 限上 merchants, cars and appliances against invoices
    [InlineData("zhumadian-2023.json")] // seed 002: Zhumadian 2023, later periods set from redemption data
    [InlineData("ziyang-2022.json")] // seed 003: Ziyang 2022, co-funded rounds, union members' own coupons
    [InlineData("gaoping-2022.json")] // seed 004: Gaoping 2022, love coupons to a list, business hours to midnight
    public async Task TheSeedsProgrammeRunsItsDayOnTheApi(string sample)
    {
        var text = File.ReadAllText(Path.Combine(CampaignDocumentTests.SamplesFolder(), sample));
        var campaign = CampaignJson.Parse(text);
        var rush = campaign.Rounds.Where(r => r.Stock.Keys.Any(t => Claimable(campaign, t))).OrderBy(r => r.OpensAt).First();
        var type = rush.Stock.Keys.Select(campaign.FindCouponType).Where(t => Claimable(campaign, t!.Id)).OrderBy(t => t!.FaceValue).ThenBy(t => t!.MinSpend).First()!;
        var max = campaign.Limits!.Where(l => l.Industries is null || l.Industries.Contains(type.Industry)).Min(l => l.Max);
        var region = campaign.Regions[0] + "01";
        _host.Clock.Set(rush.OpensAt.AddMinutes(1));
        using var admin = Client("ops", "operator");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/admin/campaigns", new StringContent(text, Encoding.UTF8, "application/json"), Ct)).StatusCode);

        // The rush: every resident tries once more than the limit allows, all at once.
        var residents = Enumerable.Range(0, Crowd).Select(i => $"{campaign.Id}-resident-{i}").ToArray();
        var answers = await Task.WhenAll(residents.Select(async resident =>
        {
            using var client = Client(resident, "resident");
            var tries = await Task.WhenAll(Enumerable.Range(0, max + 1).Select(i => client.ClaimAsync(campaign.Id, type.Id, region, $"{resident}-{i}")));
            return (resident, Created: tries.Count(r => r.StatusCode == HttpStatusCode.Created), Codes: await Task.WhenAll(tries.Where(r => r.StatusCode != HttpStatusCode.Created).Select(CodeAsync)));
        }));
        Assert.All(answers, a => Assert.Equal((max, "limit_reached"), (a.Created, string.Join(",", a.Codes))));
        using (var outsider = Client($"{campaign.Id}-outsider", "resident"))
        {
            await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "region_not_eligible", outsider.ClaimAsync(campaign.Id, type.Id, "99"));
        }

        // A change mid-campaign: a resident found cheating is blacklisted on every node.
        // Claims the node let through before it read the change are the cheater's to keep.
        int cheaterHeld;
        using (var cheater = Client($"{campaign.Id}-cheater", "resident"))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/blacklist", new { add = new[] { $"{campaign.Id}-cheater" } }, Ct)).StatusCode);
            Assert.Equal("blacklisted", await cheater.ClaimCodeWithinAsync(campaign.Id, type.Id, "blacklisted", region));
            cheaterHeld = (await cheater.GetFromJsonAsync<JsonElement>("/me/coupons", Ct)).EnumerateArray().Count(c => c.GetProperty("campaignId").GetString() == campaign.Id);
        }

        // Redemptions at the seed's merchants, under its rules; one refunded.
        var shop = await MerchantAsync(admin, region, "shop", type);
        var coupons = await Task.WhenAll(residents.Select(r => FirstCouponAsync(r, campaign.Id)));
        using var till = Client(shop, "merchant");
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "below_min_spend", till.RedeemAsync(coupons[10], residents[10], "too-small", type.MinSpend - 1, region));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await till.RedeemAsync(coupons[i], residents[i], $"order-{i}", type.MinSpend, region)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await till.RefundAsync("order-0")).StatusCode);

        // Fraud: a cash-out shop's money is held back and one of its orders reversed.
        var cashOut = await MerchantAsync(admin, region, "cash-out", type);
        using (var cashOutTill = Client(cashOut, "merchant"))
        {
            for (var i = 11; i < 15; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await cashOutTill.RedeemAsync(coupons[i], residents[i], $"order-{i}", type.MinSpend, region)).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/merchants/{cashOut}/suspend", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/orders/{cashOut}/order-11/reverse", null, Ct)).StatusCode);

        var reviewedValue = await RedeemReviewedAsync(admin, campaign, rush, region);
        var storedValuePaid = await GrantToListAsync(admin, campaign, rush, region);
        await MembersClaimAsync(admin, campaign, rush, region);
        var next = await NextRoundAsync(admin, campaign, rush, type);

        // Past the round's close and its coupons' validity: the rest expire and roll on. Nine
        // orders stand, three are held, one was refunded and one reversed (both void).
        var lapse = rush.Validity.Days is { } days ? rush.OpensAt.AddMinutes(1).AddDays(days) : rush.ClosesAt;
        _host.Clock.Set((lapse > rush.ClosesAt ? lapse : rush.ClosesAt).AddMinutes(1));
        await _host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICampaignGrain>(campaign.Id).TickAsync();
        var pools = (await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", Ct)).GetProperty("pools").EnumerateArray().ToList();
        var rushPool = pools.Single(p => p.GetProperty("roundId").GetString() == rush.Id && p.GetProperty("couponTypeId").GetString() == type.Id);
        var nextPool = pools.Single(p => p.GetProperty("roundId").GetString() == next && p.GetProperty("couponTypeId").GetString() == type.Id);
        Assert.Equal((Crowd * max) + cheaterHeld - 14, rushPool.GetProperty("expired").GetInt32());
        Assert.True(rushPool.GetProperty("rolledOut").GetInt32() > (Crowd * max) + cheaterHeld - 14);
        Assert.Equal(rushPool.GetProperty("rolledOut").GetInt32(), nextPool.GetProperty("rolledIn").GetInt32());

        // The books: what the shops are owed, held back, reversed; the report; no difference.
        var settlement = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/settlement", Ct);
        var funds = settlement.GetProperty("funds").EnumerateArray().ToList();
        Assert.Equal((9 * type.FaceValue) + reviewedValue + storedValuePaid, funds.Sum(f => f.GetProperty("paid").GetDecimal()));
        Assert.Equal(3 * type.FaceValue, funds.Sum(f => f.GetProperty("held").GetDecimal()));
        Assert.Equal(type.FaceValue, funds.Sum(f => f.GetProperty("reversed").GetDecimal()));
        Assert.Equal(0, funds.Sum(f => f.GetProperty("inReview").GetDecimal()));
        var report = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/report", Ct);
        var line = report.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("roundId").GetString() == rush.Id && l.GetProperty("couponTypeId").GetString() == type.Id);
        Assert.Equal(((Crowd * max) + cheaterHeld, Crowd + Math.Sign(cheaterHeld), 14, 1, 1), (line.GetProperty("claimed").GetInt32(), line.GetProperty("residents").GetInt32(), line.GetProperty("redeemed").GetInt32(), line.GetProperty("refunded").GetInt32(), line.GetProperty("reversed").GetInt32()));
        Assert.Contains(report.GetProperty("regions").EnumerateArray(), r => r.TryGetProperty("regionCode", out var code) && code.GetString() == region);
        var reconciliation = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/reconciliation", Ct);
        Assert.Empty(reconciliation.GetProperty("differences").EnumerateArray());
        var audit = await admin.GetStringAsync($"/admin/campaigns/{campaign.Id}/audit-sample?fraction=1", Ct);
        Assert.Equal(14 + (reviewedValue > 0 ? 1 : 0) + (storedValuePaid > 0 ? 2 : 0), audit.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool Claimable(CampaignDefinition campaign, string couponTypeId) =>
        campaign.FindCouponType(couponTypeId) is { ListOnly: false, MemberList: null } type && !type.IsReviewed();

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

    // Tokens good for the seeds' years and for today, whichever clock checks them.
    private HttpClient Client(string subject, string role) =>
        _host.ClientFor(TestTokens.Mint(subject, role, lifetime: TimeSpan.FromDays(20 * 365), issuedAt: DateTime.UtcNow.AddYears(-10)));

    private async Task<string> FirstCouponAsync(string resident, string campaignId)
    {
        using var client = Client(resident, "resident");
        var wallet = await client.GetFromJsonAsync<JsonElement>("/me/coupons", Ct);
        return wallet.EnumerateArray().First(c => c.GetProperty("campaignId").GetString() == campaignId).GetProperty("couponId").GetString()!;
    }

    private static async Task<string> MerchantAsync(HttpClient admin, string region, string name, CouponTypeDefinition type)
    {
        var id = $"{name}-{Guid.NewGuid():N}"[..20];
        var body = new { id, name, industries = new[] { type.Industry }, regionCode = region, attributes = type.MerchantRequires };
        (await admin.PostAsJsonAsync("/admin/merchants", body, Ct)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/admin/merchants/{id}/approve", null, Ct)).EnsureSuccessStatusCode();
        return id;
    }

    // A big-ticket coupon of the round, where the seed reviews them: redeemed against its
    // documents and approved. The discount it adds to what is paid.
    private async Task<decimal> RedeemReviewedAsync(HttpClient admin, CampaignDefinition campaign, RoundDefinition round, string region)
    {
        if (round.Stock.Keys.Select(campaign.FindCouponType).FirstOrDefault(t => t!.IsReviewed()) is not { } reviewed)
        {
            return 0;
        }

        var buyer = $"{campaign.Id}-buyer";
        using var client = Client(buyer, "resident");
        var couponId = await client.ClaimedCouponIdAsync(campaign.Id, reviewed.Id, region);
        var dealer = await MerchantAsync(admin, region, "dealer", reviewed);
        using var till = Client(dealer, "merchant");
        var documents = new { invoiceNumber = $"{campaign.Id}-F-1", invoiceAmount = reviewed.MinSpend, buyerId = buyer, vin = "LSVAM4187C2184847" };
        var (status, receipt) = await ClaimsApiFactory.ReadAsync(await till.PostAsJsonAsync("/redemptions", new { couponId, userId = buyer, orderId = "big-1", orderAmount = reviewed.MinSpend, regionCode = region, documents }, Ct));
        Assert.Equal((HttpStatusCode.OK, "pending"), (status, receipt.GetProperty("review").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/campaigns/{campaign.Id}/reviews/{dealer}/big-1/approve", null, Ct)).StatusCode);
        return reviewed.FaceValue;
    }

    // Coupons the seed grants to a list (Gaoping's love coupons, 004). A stored-value one is spent
    // over two orders at a shop of any industry; what they took is returned.
    private async Task<decimal> GrantToListAsync(HttpClient admin, CampaignDefinition campaign, RoundDefinition rush, string region)
    {
        var paid = 0m;
        foreach (var type in campaign.CouponTypes.Where(t => t.ListOnly && campaign.Rounds.Any(r => r.Stock.ContainsKey(t.Id) && r.OpensAt <= rush.OpensAt)))
        {
            var (status, grant) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/grants", new { couponTypeId = type.Id, userIds = new[] { "family-1", "family-2", "family-3" } }, Ct));
            Assert.Equal((HttpStatusCode.OK, 3), (status, grant.GetProperty("granted").GetArrayLength()));
            if (type.StoredValue)
            {
                paid += await SpendStoredValueAsync(admin, campaign, type, grant.GetProperty("granted")[0].GetProperty("couponId").GetString()!, region);
            }
        }

        return paid;
    }

    private async Task<decimal> SpendStoredValueAsync(HttpClient admin, CampaignDefinition campaign, CouponTypeDefinition type, string couponId, string region)
    {
        var shop = await MerchantAsync(admin, region, "household-goods", type);
        using var till = Client(shop, "merchant");
        var first = type.FaceValue * 0.4m;
        var (_, receipt) = await ClaimsApiFactory.ReadAsync(await till.RedeemAsync(couponId, "family-1", "stored-1", first, region));
        Assert.Equal(type.FaceValue - first, receipt.GetProperty("balanceLeft").GetDecimal());
        (_, receipt) = await ClaimsApiFactory.ReadAsync(await till.RedeemAsync(couponId, "family-1", "stored-2", type.FaceValue, region));
        Assert.Equal((type.FaceValue - first, 0m), (receipt.GetProperty("discount").GetDecimal(), receipt.GetProperty("balanceLeft").GetDecimal()));
        using var family = Client("family-1", "resident");
        var coupon = (await family.GetFromJsonAsync<JsonElement>("/me/coupons", Ct)).EnumerateArray().Single(c => c.GetProperty("couponId").GetString() == couponId);
        Assert.Equal(("used", 0m), (coupon.GetProperty("status").GetString(), coupon.GetProperty("balance").GetDecimal()));
        return type.FaceValue;
    }

    // Coupons the seed's members claim (Ziyang's union 普惠券, 003 一(三)): the operator uploads the
    // list, a member claims, anyone else is refused.
    private async Task MembersClaimAsync(HttpClient admin, CampaignDefinition campaign, RoundDefinition rush, string region)
    {
        foreach (var type in campaign.CouponTypes.Where(t => t.MemberList is not null && campaign.Rounds.Any(r => r.Stock.ContainsKey(t.Id) && r.OpensAt <= rush.OpensAt && rush.OpensAt < r.ClosesAt)))
        {
            var list = $"/admin/campaigns/{campaign.Id}/member-lists/{type.MemberList}";
            var (_, upload) = await ClaimsApiFactory.ReadAsync(await admin.PostAsync($"{list}/uploads", null, Ct));
            var number = upload.GetProperty("upload").GetInt32();
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"{list}/uploads/{number}/chunks/0", new StringContent("userId\nmember-1\nmember-2\n", Encoding.UTF8, "text/csv"), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{list}/uploads/{number}/commit", new { chunks = 1 }, Ct)).StatusCode);
            using var member = Client("member-1", "resident");
            using var outsider = Client("not-a-member", "resident");
            Assert.Equal(HttpStatusCode.Created, (await member.ClaimAsync(campaign.Id, type.Id, region)).StatusCode);
            await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "not_on_list", outsider.ClaimAsync(campaign.Id, type.Id, region));
        }
    }

    // The round the rush's leftovers roll into. A programme that sets its later periods from
    // redemption data (Zhumadian) adds it now, a change mid-campaign.
    private static async Task<string> NextRoundAsync(HttpClient admin, CampaignDefinition campaign, RoundDefinition rush, CouponTypeDefinition type)
    {
        if (campaign.Rounds.Where(r => r.Stock.ContainsKey(type.Id) && r.PaidLike(rush) && r.OpensAt > rush.OpensAt).OrderBy(r => r.OpensAt).FirstOrDefault() is { } next)
        {
            return next.Id;
        }

        var opens = rush.ClosesAt.AddHours(10);
        var body = new
        {
            id = $"{rush.Id}-next",
            phase = "next",
            fund = rush.Fund,
            opensAt = opens,
            closesAt = opens.AddDays(6),
            validity = new { days = 7 },
            stock = new Dictionary<string, int> { [type.Id] = 0 },
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync($"/admin/campaigns/{campaign.Id}/rounds/{body.id}", body, Ct)).StatusCode);
        return body.id;
    }

    /// <summary>The whole process on a clock the tests set to the seeds' dates.</summary>
    public sealed class Host : IDisposable
    {
        private readonly ClaimsApiFactory _factory;

        public Host() => _factory = ClaimsApiFactory.WithClock(Clock);

        public SeedClock Clock { get; } = new();

        public IServiceProvider Services => _factory.Services;

        public HttpClient ClientFor(string token) => _factory.ClientFor(token);

        public void Dispose() => _factory.Dispose();
    }
}
