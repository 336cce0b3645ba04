using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>Operators hold a merchant's money, reverse its fraudulent redemptions, release what is left, and ban it for good (001, 003).</summary>
public sealed class FraudEndpointTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task AnOperatorHoldsReversesReleasesAndBansAndTheSettlementShowsEachAmount()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 5));
        using var admin = factory.ClientFor(TestTokens.Operator());
        var merchantId = await admin.ApprovedMerchantAsync();
        using var till = factory.ClientFor(TestTokens.Merchant(merchantId));
        foreach (var resident in new[] { "honest", "cash-out" })
        {
            using var client = factory.ClientFor(TestTokens.Resident(resident));
            Assert.Equal(HttpStatusCode.OK, (await till.RedeemAsync(await client.ClaimedCouponIdAsync(campaign.Id), resident, $"order-{resident}", 88m)).StatusCode);
        }

        var (suspended, merchant) = await ClaimsApiFactory.ReadAsync(await admin.PostAsync($"/admin/merchants/{merchantId}/suspend", null, Ct));
        Assert.Equal(HttpStatusCode.OK, suspended);
        Assert.True(merchant.GetProperty("held").GetBoolean());
        Assert.False(merchant.GetProperty("holds")[0].TryGetProperty("releasedAt", out _));

        var (reversed, reversal) = await ClaimsApiFactory.ReadAsync(await admin.PostAsync($"/admin/orders/{merchantId}/order-cash-out/reverse", null, Ct));
        Assert.Equal(HttpStatusCode.OK, reversed);
        Assert.Equal(("pool", 10m), (reversal.GetProperty("returnedTo").GetString(), reversal.GetProperty("discount").GetDecimal()));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "order_reversed", till.RefundAsync("order-cash-out"));
        using (var victim = factory.ClientFor(TestTokens.Resident("cash-out")))
        {
            Assert.Equal(5, await victim.RemainingAsync(campaign.Id, "market-10-50") + 1);
        }

        var held = await SettlementAsync(admin, campaign.Id);
        Assert.Equal((0m, 10m, 10m), (held.GetProperty("paid").GetDecimal(), held.GetProperty("held").GetDecimal(), held.GetProperty("reversed").GetDecimal()));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/merchants/{merchantId}/release", null, Ct)).StatusCode);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "nothing_held", admin.PostAsync($"/admin/merchants/{merchantId}/release", null, Ct));
        var released = await SettlementAsync(admin, campaign.Id);
        Assert.Equal((10m, 0m, 10m), (released.GetProperty("paid").GetDecimal(), released.GetProperty("held").GetDecimal(), released.GetProperty("released").GetDecimal()));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/merchants/{merchantId}/ban", null, Ct)).StatusCode);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "merchant_banned", admin.PostAsync($"/admin/merchants/{merchantId}/reinstate", null, Ct));
        var reconciliation = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/reconciliation", Ct);
        Assert.Empty(reconciliation.GetProperty("differences").EnumerateArray());
    }

    [Fact]
    public async Task AReversalOfNoOrderOrOfARefundedOneIsAProblemAndChangesNothing()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());
        var merchantId = await admin.ApprovedMerchantAsync();
        using var till = factory.ClientFor(TestTokens.Merchant(merchantId));
        using var resident = factory.ClientFor(TestTokens.Resident("returns"));
        Assert.Equal(HttpStatusCode.OK, (await till.RedeemAsync(await resident.ClaimedCouponIdAsync(campaign.Id), "returns", "order-1", 88m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await till.RefundAsync("order-1")).StatusCode);

        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "order_refunded", admin.PostAsync($"/admin/orders/{merchantId}/order-1/reverse", null, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "order_not_found", admin.PostAsync($"/admin/orders/{merchantId}/no-such-order/reverse", null, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_id", admin.PostAsync("/admin/orders/Bad%20Id/order-1/reverse", null, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "merchant_not_found", admin.PostAsync("/admin/merchants/no-such-merchant/ban", null, Ct));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "nothing_held", admin.PostAsync($"/admin/merchants/{merchantId}/release", null, Ct));
        using var stranger = factory.ClientFor(TestTokens.Merchant(merchantId));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync($"/admin/orders/{merchantId}/order-1/reverse", null, Ct)).StatusCode);

        var settlement = await SettlementAsync(admin, campaign.Id);
        Assert.Equal((0m, 0m, 0m), (settlement.GetProperty("paid").GetDecimal(), settlement.GetProperty("held").GetDecimal(), settlement.GetProperty("reversed").GetDecimal()));
        Assert.Equal("approved", (await admin.GetFromJsonAsync<JsonElement>($"/admin/merchants/{merchantId}", Ct)).GetProperty("status").GetString());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> SettlementAsync(HttpClient admin, string campaignId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaignId}/settlement", Ct)).GetProperty("funds")[0];
}
