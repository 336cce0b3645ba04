namespace Claims.Api.Tests;

public static class ApiCalls
{
    public static Task<HttpResponseMessage> ClaimAsync(this HttpClient client, string campaignId, string couponTypeId, string regionCode = "410423", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/campaigns/{campaignId}/claims")
        {
            Content = JsonContent.Create(new { couponTypeId, regionCode }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<int> RemainingAsync(this HttpClient client, string campaignId, string couponTypeId)
    {
        var catalog = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/campaigns/{campaignId}", TestContext.Current.CancellationToken);
        return catalog.GetProperty("couponTypes").EnumerateArray()
            .Single(t => t.GetProperty("couponTypeId").GetString() == couponTypeId)
            .GetProperty("remaining").GetInt32();
    }
}
