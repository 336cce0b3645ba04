using Claims.Contracts;

namespace Claims.Api.Tests;

/// <summary>
/// A silo whose grains may each have only sixteen calls queued or running sheds a rush at once instead of letting
/// calls wait out their timeout. Shedding must lose nothing and grant nothing twice: every shed
/// claim is answered 503 with <c>Retry-After</c>, and retried with its key it gets its one coupon.
/// </summary>
public sealed class BackPressureTests
{
    private const int Residents = 400;
    private const int Stock = 1000;

    [Fact]
    public async Task AnOverloadedSiloShedsClaimsWith503AndTheirRetriesGetExactlyOneCouponEach()
    {
        await using var factory = ClaimsApiFactory.With(new Dictionary<string, string> { ["Cluster:MaxQueuedCallsPerGrain"] = "16" });
        // A quota grain per slot: up to 64 batches at once reach the one pool, four times its queue.
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: Stock) with { QuotaShardCount = QuotaShards.Count });
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rush = Enumerable.Range(0, Residents).Select(i => Task.Run(async () =>
        {
            using var client = factory.ClientFor(TestTokens.Resident($"crowd-{i}"));
            await start.Task;
            using var response = await client.ClaimAsync(campaign.Id, "market-10-50", idempotencyKey: $"tap-{i}");
            var (status, body) = await ClaimsApiFactory.ReadAsync(response);
            return (Resident: i, Status: status, Code: body.TryGetProperty("code", out var code) ? code.GetString() : null, response.Headers.RetryAfter);
        })).ToArray();
        start.SetResult();
        var answers = await Task.WhenAll(rush);

        var shed = answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(shed);
        Assert.All(shed, a => Assert.Equal(("unavailable", true), (a.Code, a.RetryAfter is not null)));
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));

        // Retried one at a time, as a resident would after Retry-After, each shed claim is granted.
        var coupons = new Dictionary<int, string>();
        foreach (var answer in answers)
        {
            using var client = factory.ClientFor(TestTokens.Resident($"crowd-{answer.Resident}"));
            var (status, body) = await ClaimsApiFactory.ReadAsync(await client.ClaimAsync(campaign.Id, "market-10-50", idempotencyKey: $"tap-{answer.Resident}"));
            Assert.Equal(HttpStatusCode.Created, status);
            coupons[answer.Resident] = body.GetProperty("couponId").GetString()!;
        }

        Assert.Equal(Residents, coupons.Values.Distinct().Count());
        using var anyone = factory.ClientFor(TestTokens.Resident("counter"));
        Assert.Equal(Stock - Residents, await anyone.RemainingAsync(campaign.Id, "market-10-50"));
    }
}
