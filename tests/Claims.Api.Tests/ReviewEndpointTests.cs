using System.Text.Json;
using Claims.Contracts.Redemptions;

namespace Claims.Api.Tests;

/// <summary>Tills present documents with big-ticket coupons and operators approve or reject them (001#5, 002, 003).</summary>
public sealed class ReviewEndpointTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task ATillPresentsDocumentsAndAnOperatorRejectsOneRedemptionAndApprovesTheNext()
    {
        var campaign = await CreateAsync();
        using var admin = factory.ClientFor(TestTokens.Operator());
        var dealerId = await admin.ApprovedMerchantAsync(["cars"]);
        using var dealer = factory.ClientFor(TestTokens.Merchant(dealerId));
        using var driver = factory.ClientFor(TestTokens.Resident("driver"));
        var couponId = await driver.ClaimedCouponIdAsync(campaign.Id, "car-3000");

        await ApiAssert.ProblemAsync(HttpStatusCode.UnprocessableEntity, "documents_required", dealer.RedeemAsync(couponId, "driver", "car-1", 120_000m));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", RedeemAsync(dealer, couponId, "driver", "car-1", Documents("F-1") with { Vin = "not-a-vin" }));
        await ApiAssert.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invoice_below_order", RedeemAsync(dealer, couponId, "driver", "car-1", Documents("F-1") with { InvoiceAmount = 100_000 }));
        Assert.Empty((await ReviewsAsync(admin, campaign.Id, "")).EnumerateArray());

        var (redeemed, receipt) = await ClaimsApiFactory.ReadAsync(await RedeemAsync(dealer, couponId, "driver", "car-1", Documents("F-1")));
        Assert.Equal((HttpStatusCode.OK, "pending"), (redeemed, receipt.GetProperty("review").GetString()));
        var pending = Assert.Single((await ReviewsAsync(admin, campaign.Id, "?status=pending")).EnumerateArray());
        Assert.Equal(("F-1", "LSVAM4187C2184847"), (pending.GetProperty("documents").GetProperty("invoiceNumber").GetString(), pending.GetProperty("documents").GetProperty("vin").GetString()));
        Assert.Equal(3000m, (await SettlementAsync(admin, campaign.Id)).GetProperty("inReview").GetDecimal());

        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "reason_required", admin.PostAsync($"/admin/campaigns/{campaign.Id}/reviews/{dealerId}/car-1/reject", null, Ct));
        var (rejected, review) = await ClaimsApiFactory.ReadAsync(await admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/reviews/{dealerId}/car-1/reject", new { reason = "发票与车辆不符" }, Ct));
        Assert.Equal((HttpStatusCode.OK, "rejected", "owner"), (rejected, review.GetProperty("status").GetString(), review.GetProperty("returnedTo").GetString()));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "review_decided", admin.PostAsync($"/admin/campaigns/{campaign.Id}/reviews/{dealerId}/car-1/approve", null, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "order_rejected", dealer.RefundAsync("car-1"));

        // The coupon came back: a second purchase with its own invoice, approved and paid.
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "duplicate_invoice", RedeemAsync(dealer, couponId, "driver", "car-2", Documents(" f-1 ")));
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(dealer, couponId, "driver", "car-2", Documents("F-2"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/campaigns/{campaign.Id}/reviews/{dealerId}/car-2/approve", null, Ct)).StatusCode);
        var settled = await SettlementAsync(admin, campaign.Id);
        Assert.Equal((3000m, 0m), (settled.GetProperty("paid").GetDecimal(), settled.GetProperty("inReview").GetDecimal()));
        Assert.Equal(2, (await ReviewsAsync(admin, campaign.Id, "")).GetArrayLength());
        var reconciliation = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/reconciliation", Ct);
        Assert.Empty(reconciliation.GetProperty("differences").EnumerateArray());
    }

    [Fact]
    public async Task BadReviewRequestsAreProblemsAndChangeNothing()
    {
        var campaign = await CreateAsync();
        using var admin = factory.ClientFor(TestTokens.Operator());
        var dealerId = await admin.ApprovedMerchantAsync(["cars"]);
        using var dealer = factory.ClientFor(TestTokens.Merchant(dealerId));
        using var driver = factory.ClientFor(TestTokens.Resident("waits"));
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(dealer, await driver.ClaimedCouponIdAsync(campaign.Id, "car-3000"), "waits", "car-1", Documents("F-1"))).StatusCode);

        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.GetAsync($"/admin/campaigns/{campaign.Id}/reviews?status=lost", Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.GetAsync($"/admin/campaigns/{campaign.Id}/reviews?status=1", Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "campaign_not_found", admin.GetAsync("/admin/campaigns/no-such-campaign/reviews", Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "review_not_found", admin.PostAsync($"/admin/campaigns/{campaign.Id}/reviews/{dealerId}/car-9/approve", null, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_id", admin.PostAsync($"/admin/campaigns/{campaign.Id}/reviews/Bad%20Id/car-1/approve", null, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "reason_required", admin.PostAsJsonAsync($"/admin/campaigns/{campaign.Id}/reviews/{dealerId}/car-1/reject", new { reason = " " }, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await dealer.PostAsync($"/admin/campaigns/{campaign.Id}/reviews/{dealerId}/car-1/approve", null, Ct)).StatusCode);

        var bad = ApiCampaigns.Open() with { CouponTypes = [new("car-3000", "cars", 3000, 100_000, null, false, ReviewDocuments: ["vin"])] };
        using var refused = await admin.PostAsJsonAsync("/admin/campaigns", bad with { Rounds = [bad.Rounds[0] with { Stock = new Dictionary<string, int> { ["car-3000"] = 1 } }] }, CampaignJson.Options, Ct);
        Assert.Contains("invalid_review_documents", await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal("pending", Assert.Single((await ReviewsAsync(admin, campaign.Id, "")).EnumerateArray()).GetProperty("status").GetString());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RedemptionDocuments Documents(string invoice) => new(invoice, 120_000, "buyer-310", "LSVAM4187C2184847");

    private static Task<HttpResponseMessage> RedeemAsync(HttpClient till, string couponId, string userId, string orderId, RedemptionDocuments documents) =>
        till.PostAsJsonAsync("/redemptions", new { couponId, userId, orderId, orderAmount = 120_000m, regionCode = "410423", documents }, Ct);

    private async Task<CampaignDefinition> CreateAsync()
    {
        var open = ApiCampaigns.Open();
        return await factory.CreateCampaignAsync(open with
        {
            CouponTypes = [.. open.CouponTypes, new("car-3000", "cars", 3000, 100_000, null, false, ReviewDocuments: ["invoiceNumber", "invoiceAmount", "buyerId", "vin"])],
            Rounds = [open.Rounds[0] with { Stock = new Dictionary<string, int>(open.Rounds[0].Stock) { ["car-3000"] = 5 } }],
        });
    }

    private static async Task<JsonElement> ReviewsAsync(HttpClient admin, string campaignId, string query) =>
        await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaignId}/reviews{query}", Ct);

    private static async Task<JsonElement> SettlementAsync(HttpClient admin, string campaignId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaignId}/settlement", Ct)).GetProperty("funds")[0];
}
