namespace Claims.Api.Tests;

/// <summary>Through the API a split pool is one pool: its coupons redeem and refund, and the catalog shows the type's totals.</summary>
public sealed class ShardedPoolApiTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task ASplitPoolsCouponsRedeemAndRefundAndTheCatalogCountsEveryShard()
    {
        var open = ApiCampaigns.Open(stock: 8);
        var campaign = await factory.CreateCampaignAsync(open with
        {
            CouponTypes = [.. open.CouponTypes.Select(t => t.Id == "market-10-50" ? t with { Shards = 4 } : t)],
        });
        using var admin = factory.ClientFor(TestTokens.Operator());
        var merchantId = await admin.ApprovedMerchantAsync();
        using var till = factory.ClientFor(TestTokens.Merchant(merchantId));
        using var resident = factory.ClientFor(TestTokens.Resident("wang"));

        var couponId = await resident.ClaimedCouponIdAsync(campaign.Id);
        Assert.Equal(5, couponId.Split('.').Length);
        Assert.Equal(7, await resident.RemainingAsync(campaign.Id, "market-10-50"));
        Assert.Equal(HttpStatusCode.OK, (await till.RedeemAsync(couponId, "wang", "order-1", 60m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await till.RefundAsync("order-1")).StatusCode);
        Assert.Equal(8, await resident.RemainingAsync(campaign.Id, "market-10-50"));

        var rush = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            using var client = factory.ClientFor(TestTokens.Resident($"crowd-{i}"));
            return (await client.ClaimAsync(campaign.Id, "market-10-50")).StatusCode;
        }));

        Assert.Equal(8, rush.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(4, rush.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(0, await resident.RemainingAsync(campaign.Id, "market-10-50"));
    }
}
