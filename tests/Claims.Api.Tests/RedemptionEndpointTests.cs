using System.Text.Json;

namespace Claims.Api.Tests;

public sealed class RedemptionEndpointTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task AMerchantRedeemsReplaysAndRefundsAnOrder()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 5));
        using var admin = factory.ClientFor(TestTokens.Operator());
        var merchantId = await admin.ApprovedMerchantAsync();
        using var resident = factory.ClientFor(TestTokens.Resident("wang"));
        using var till = factory.ClientFor(TestTokens.Merchant(merchantId));
        var couponId = await resident.ClaimedCouponIdAsync(campaign.Id);

        var (status, receipt) = await ClaimsApiFactory.ReadAsync(await till.RedeemAsync(couponId, "wang", "order-1", 88.8m));
        var (_, replay) = await ClaimsApiFactory.ReadAsync(await till.RedeemAsync(couponId, "wang", "order-1", 88.8m));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((10m, 78.8m), (receipt.GetProperty("discount").GetDecimal(), receipt.GetProperty("payable").GetDecimal()));
        Assert.Equal(receipt.ToString(), replay.ToString());
        Assert.Equal("used", await StatusInWalletAsync(resident, couponId));
        Assert.Equal(4, await resident.RemainingAsync(campaign.Id, "market-10-50"));

        var (refundStatus, refund) = await ClaimsApiFactory.ReadAsync(await till.RefundAsync("order-1"));
        var (_, refundReplay) = await ClaimsApiFactory.ReadAsync(await till.RefundAsync("order-1"));

        Assert.Equal(HttpStatusCode.OK, refundStatus);
        Assert.Equal(("pool", "p1"), (refund.GetProperty("returnedTo").GetString(), refund.GetProperty("roundId").GetString()));
        Assert.Equal(refund.ToString(), refundReplay.ToString());
        Assert.Equal("void", await StatusInWalletAsync(resident, couponId));
        Assert.Equal(5, await resident.RemainingAsync(campaign.Id, "market-10-50"));
    }

    [Fact]
    public async Task EveryRedemptionRefusalIsAProblemWithItsCodeAndChangesNothing()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());
        var market = await admin.ApprovedMerchantAsync();
        var restaurant = await admin.ApprovedMerchantAsync(["dining"]);
        using var marketTill = factory.ClientFor(TestTokens.Merchant(market));
        using var restaurantTill = factory.ClientFor(TestTokens.Merchant(restaurant));
        using var strangerTill = factory.ClientFor(TestTokens.Merchant("unregistered"));
        using var resident = factory.ClientFor(TestTokens.Resident("zhao"));
        var couponId = await resident.ClaimedCouponIdAsync(campaign.Id);
        var diningId = await resident.ClaimedCouponIdAsync(campaign.Id, "dining-10-50");

        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "not_owner", marketTill.RedeemAsync(couponId, "qian", "o-1", 100));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "below_min_spend", marketTill.RedeemAsync(couponId, "zhao", "o-1", 49.99m));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "wrong_industry", restaurantTill.RedeemAsync(couponId, "zhao", "o-1", 100));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "merchant_not_approved", strangerTill.RedeemAsync(couponId, "zhao", "o-1", 100));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "region_not_eligible", marketTill.RedeemAsync(couponId, "zhao", "o-1", 100, regionCode: "110101"));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "coupon_not_found", marketTill.RedeemAsync($"{campaign.Id}.p1.market-10-50.999", "zhao", "o-1", 100));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "order_not_found", marketTill.RefundAsync("o-1"));
        Assert.Equal("claimed", await StatusInWalletAsync(resident, couponId));

        Assert.Equal(HttpStatusCode.OK, (await marketTill.RedeemAsync(couponId, "zhao", "o-1", 100)).StatusCode);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "already_used", marketTill.RedeemAsync(couponId, "zhao", "o-2", 100));
        Assert.Equal(HttpStatusCode.OK, (await restaurantTill.RedeemAsync(diningId, "zhao", "o-3", 100)).StatusCode);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "order_has_coupon", restaurantTill.RedeemAsync(couponId, "zhao", "o-3", 100));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "order_not_found", restaurantTill.RefundAsync("o-1"));
    }

    [Fact]
    public async Task OperatorsManageMerchantsThroughTheirLife()
    {
        using var admin = factory.ClientFor(TestTokens.Operator());
        var id = $"m-{Guid.NewGuid():N}"[..20];
        var body = new { id, name = "平顶山加油站", industries = new[] { "fuel" }, regionCode = "410423" };

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/admin/merchants", body, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/admin/merchants", body, TestContext.Current.CancellationToken)).StatusCode);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "merchant_exists", admin.PostAsJsonAsync("/admin/merchants", body with { name = "其他" }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "invalid_transition", admin.PostAsync($"/admin/merchants/{id}/suspend", null, TestContext.Current.CancellationToken));
        Assert.Equal("approved", await MerchantStatusAsync(admin.PostAsync($"/admin/merchants/{id}/approve", null, TestContext.Current.CancellationToken)));
        Assert.Equal("suspended", await MerchantStatusAsync(admin.PostAsync($"/admin/merchants/{id}/suspend", null, TestContext.Current.CancellationToken)));
        Assert.Equal("approved", await MerchantStatusAsync(admin.PostAsync($"/admin/merchants/{id}/reinstate", null, TestContext.Current.CancellationToken)));
        Assert.Equal("approved", await MerchantStatusAsync(admin.GetAsync($"/admin/merchants/{id}", TestContext.Current.CancellationToken)));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "merchant_not_found", admin.PostAsync("/admin/merchants/no-such-shop/approve", null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OnlyTheRightRoleReachesMerchantAndRedemptionEndpoints()
    {
        using var resident = factory.ClientFor(TestTokens.Resident("nosy"));
        using var till = factory.ClientFor(TestTokens.Merchant("some-shop"));
        using var anonymous = factory.ClientFor(null);

        await ApiAssert.ProblemAsync(HttpStatusCode.Forbidden, "forbidden", resident.RedeemAsync("c.p.t.1", "nosy", "o-1", 100));
        await ApiAssert.ProblemAsync(HttpStatusCode.Forbidden, "forbidden", resident.RefundAsync("o-1"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Forbidden, "forbidden", till.PostAsJsonAsync("/admin/merchants", new { id = "some-shop", name = "x", industries = new[] { "any" }, regionCode = "410423" }, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.Forbidden, "forbidden", till.PostAsync("/admin/merchants/some-shop/approve", null, TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated", anonymous.RedeemAsync("c.p.t.1", "nosy", "o-1", 100));
    }

    public static TheoryData<string, string> BadRedemptions => new()
    {
        { """{"couponId":"x.p1.t.1","userId":"u","orderId":"o","orderAmount":-1,"regionCode":"410423"}""", "orderAmount" },
        { """{"couponId":"x.p1.t.1","userId":"u","orderId":"o","orderAmount":10.001,"regionCode":"410423"}""", "orderAmount" },
        { """{"couponId":"x.p1.t.1","userId":"u","orderId":"o","orderAmount":0,"regionCode":"410423"}""", "orderAmount" },
        { """{"couponId":"x.p1.t.1","userId":"u","orderId":"o/../x","orderAmount":10,"regionCode":"410423"}""", "orderId" },
        { """{"couponId":"x.p1.t.1","userId":" ","orderId":"o","orderAmount":10,"regionCode":"410423"}""", "userId" },
        { """{"couponId":"","userId":"u","orderId":"o","orderAmount":10,"regionCode":"410423"}""", "couponId" },
        { """{"couponId":"x.p1.t.1","userId":"u","orderId":"o","orderAmount":10,"regionCode":"beijing"}""", "regionCode" },
        { """{"couponId":"x.p1.t.1","userId":"u","orderId":"o","regionCode":"410423"}""", "orderAmount" },
    };

    [Theory]
    [MemberData(nameof(BadRedemptions))]
    public async Task MalformedRedemptionsAreBadRequestsNamingTheField(string json, string field)
    {
        using var till = factory.ClientFor(TestTokens.Merchant("any-shop"));

        var (status, problem) = await ClaimsApiFactory.ReadAsync(await till.PostAsync("/redemptions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"id":"UPPER","name":"x","industries":["dining"],"regionCode":"410423"}""")]
    [InlineData("""{"id":"shop","name":"","industries":["dining"],"regionCode":"410423"}""")]
    [InlineData("""{"id":"shop","name":"x","industries":[],"regionCode":"410423"}""")]
    [InlineData("""{"id":"shop","name":"x","industries":["dining","dining"],"regionCode":"410423"}""")]
    [InlineData("""{"id":"shop","name":"x","industries":["dining"],"regionCode":"4"}""")]
    [InlineData("""{"id":"shop","name":"x","industries":["dining"]}""")]
    public async Task MalformedMerchantsAreBadRequestsAndRegisterNothing(string json)
    {
        using var admin = factory.ClientFor(TestTokens.Operator());

        var (status, problem) = await ClaimsApiFactory.ReadAsync(await admin.PostAsync("/admin/merchants", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/merchants/shop", TestContext.Current.CancellationToken)).StatusCode);
    }


    private static async Task<string?> StatusInWalletAsync(HttpClient resident, string couponId)
    {
        var wallet = await resident.GetFromJsonAsync<JsonElement>("/me/coupons", TestContext.Current.CancellationToken);
        return wallet.EnumerateArray().Single(c => c.GetProperty("couponId").GetString() == couponId).GetProperty("status").GetString();
    }

    private static async Task<string?> MerchantStatusAsync(Task<HttpResponseMessage> call)
    {
        var (status, merchant) = await ClaimsApiFactory.ReadAsync(await call);
        Assert.Equal(HttpStatusCode.OK, status);
        return merchant.GetProperty("status").GetString();
    }
}
