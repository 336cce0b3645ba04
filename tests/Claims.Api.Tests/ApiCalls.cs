namespace Claims.Api.Tests;

public static class ApiCalls
{
    public static Task<HttpResponseMessage> ClaimAsync(this HttpClient client, string campaignId, string couponTypeId, string regionCode = "410423", string? idempotencyKey = null, CancellationToken? cancellationToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/campaigns/{campaignId}/claims")
        {
            Content = JsonContent.Create(new { couponTypeId, regionCode }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request, cancellationToken ?? TestContext.Current.CancellationToken);
    }

    public static async Task<int> RemainingAsync(this HttpClient client, string campaignId, string couponTypeId)
    {
        var catalog = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/campaigns/{campaignId}", TestContext.Current.CancellationToken);
        return catalog.GetProperty("couponTypes").EnumerateArray()
            .Single(t => t.GetProperty("couponTypeId").GetString() == couponTypeId)
            .GetProperty("remaining").GetInt32();
    }

    /// <summary>Registers and approves a supermarket merchant in the test region through the operator API.</summary>
    public static async Task<string> ApprovedMerchantAsync(this HttpClient operatorClient, string[]? industries = null)
    {
        var id = $"m-{Guid.NewGuid():N}"[..20];
        (await operatorClient.PostAsJsonAsync("/admin/merchants", new { id, name = "鲁山超市", industries = industries ?? ["supermarket"], regionCode = "410423" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await operatorClient.PostAsync($"/admin/merchants/{id}/approve", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return id;
    }

    public static Task<HttpResponseMessage> RedeemAsync(this HttpClient merchantClient, string couponId, string userId, string orderId, decimal orderAmount, string regionCode = "410423", CancellationToken? cancellationToken = null) =>
        merchantClient.PostAsJsonAsync("/redemptions", new { couponId, userId, orderId, orderAmount, regionCode }, cancellationToken ?? TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> RefundAsync(this HttpClient merchantClient, string orderId, CancellationToken? cancellationToken = null) =>
        merchantClient.PostAsync($"/redemptions/{orderId}/refund", null, cancellationToken ?? TestContext.Current.CancellationToken);

    public static async Task<string> ClaimedCouponIdAsync(this HttpClient residentClient, string campaignId, string couponTypeId = "market-10-50", string regionCode = "410423")
    {
        using var response = await residentClient.ClaimAsync(campaignId, couponTypeId, regionCode);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("couponId").GetString()!;
    }

    /// <summary>
    /// Each node reads a changed campaign again within seconds: claims until the answer expected
    /// comes ("created" or a problem code), up to a deadline well past that, and returns the last answer.
    /// </summary>
    public static async Task<string> ClaimCodeWithinAsync(this HttpClient resident, string campaignId, string couponTypeId, string expected, string regionCode = "410423")
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await resident.ClaimAsync(campaignId, couponTypeId, regionCode);
            var code = response.StatusCode == HttpStatusCode.Created ? "created" : (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString()!;
            if (code == expected || DateTime.UtcNow > deadline)
            {
                return code;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
