using Claims.Contracts;

namespace Claims.Api.Tests;

public sealed class AdmissionTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task AResidentOverTheRateLimitIsRefusedWithRetryAfterAndNothingChanges()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 100));
        using var bot = factory.ClientFor(TestTokens.Resident("bot"));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Thirty taps at once, each a new claim on a type of its own turn: the bucket holds ten.
        var taps = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await bot.ClaimAsync(campaign.Id, "market-10-50", idempotencyKey: $"tap-{i}");
        })).ToArray();
        start.SetResult();
        var responses = await Task.WhenAll(taps);

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(limited.Count, 20, 29);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        await ApiAssert.ProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited", Task.FromResult(limited[0]));

        // Of the admitted taps one was granted and the rest refused by the resident's limit: the
        // refused ones took nothing from the pool.
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(99, await bot.RemainingAsync(campaign.Id, "market-10-50"));
    }

    [Fact]
    public async Task ASoldOutPoolIsRefusedWithoutItsGrainButAWinnersReplayStillGetsItsCoupon()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 1));
        using var winner = factory.ClientFor(TestTokens.Resident("winner"));
        var won = await ClaimsApiFactory.ReadAsync(await winner.ClaimAsync(campaign.Id, "market-10-50", idempotencyKey: "the-tap"));
        Assert.Equal(HttpStatusCode.Created, won.Status);

        using var late = factory.ClientFor(TestTokens.Resident("late"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "sold_out", late.ClaimAsync(campaign.Id, "market-10-50"));
        Assert.True(factory.Admission.SoldOut([GrainKeys.Pool(campaign.Id, "p1", "market-10-50")]));

        var replay = await ClaimsApiFactory.ReadAsync(await winner.ClaimAsync(campaign.Id, "market-10-50", idempotencyKey: "the-tap"));
        Assert.Equal(HttpStatusCode.Created, replay.Status);
        Assert.Equal(won.Body.GetProperty("couponId").GetString(), replay.Body.GetProperty("couponId").GetString());
    }

    [Fact]
    public async Task ASoldOutPoolIsRefusedBeforeTheRateLimitSoTappingItCostsNoBucket()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 1));
        using var winner = factory.ClientFor(TestTokens.Resident("first-and-only"));
        Assert.Equal(HttpStatusCode.Created, (await winner.ClaimAsync(campaign.Id, "dining-10-50")).StatusCode);
        using var bot = factory.ClientFor(TestTokens.Resident("sold-out-bot"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "sold_out", bot.ClaimAsync(campaign.Id, "dining-10-50"));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Three buckets' worth of taps at once, none with a key of its own: not one is a replay.
        var taps = Enumerable.Range(0, 30).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            using var response = await bot.ClaimAsync(campaign.Id, "dining-10-50");
            return await ClaimsApiFactory.ReadAsync(response);
        })).ToArray();
        start.SetResult();

        Assert.All(await Task.WhenAll(taps), t => Assert.Equal((HttpStatusCode.Conflict, "sold_out"), (t.Status, t.Body.GetProperty("code").GetString())));

        // Its bucket is untouched: a tap at a type still in stock is admitted.
        Assert.Equal(HttpStatusCode.Created, (await bot.ClaimAsync(campaign.Id, "market-10-50")).StatusCode);
    }
}
