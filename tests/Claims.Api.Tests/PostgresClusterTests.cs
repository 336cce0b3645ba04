using System.Collections.Concurrent;
using System.Text.Json;
using Claims.Silo.Storage.Postgres;
using Claims.Silo.Tests;

namespace Claims.Api.Tests;

/// <summary>Two co-hosted nodes (silo and API) on one PostgreSQL database, as real processes.</summary>
public sealed class PostgresClusterTests
{
    private const int Stock = 3_000;
    private const int Residents = 10_000;

    [Fact]
    public async Task ARushOnTwoNodesSurvivesTheKillOfOneWithoutOversellingOrLosingAGrant()
    {
        await using var database = await TestDatabase.CreateAsync();
        await PostgresSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Cluster:Membership"] = "Postgres",
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
            ["Cluster:ClusterId"] = $"crash-{Guid.NewGuid():N}",
        };
        await using var doomed = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        await using var survivor = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        using var operatorClient = survivor.ClientFor(TestTokens.Operator());
        var campaign = ApiCampaigns.Open(stock: Stock);
        (await operatorClient.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var granted = new ConcurrentDictionary<string, string>();
        var refused = new ConcurrentDictionary<string, string>();
        var killed = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gate = new SemaphoreSlim(64);
        var rush = Enumerable.Range(0, Residents).Select(async i =>
        {
            await start.Task;
            await gate.WaitAsync();
            try
            {
                var resident = $"r-{i}";
                var (isGranted, value) = await ClaimUntilAnsweredAsync(i % 2 == 0 ? doomed : survivor, survivor, resident, campaign.Id);
                (isGranted ? granted : refused)[resident] = value;
            }
            finally
            {
                gate.Release();
            }

            if (granted.Count >= Stock / 3 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                await doomed.KillAsync();
            }
        }).ToList();
        start.SetResult();
        await Task.WhenAll(rush);

        // Every resident got an answer; exactly the stock was granted, the rest refused as sold out.
        Assert.Equal(1, killed);
        Assert.Equal(Stock, granted.Count);
        Assert.All(refused.Values, code => Assert.Equal("sold_out", code));
        var pools = (await operatorClient.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", TestContext.Current.CancellationToken)).GetProperty("pools");
        var pool = pools.EnumerateArray().Single(p => p.GetProperty("roundId").GetString() == "p1" && p.GetProperty("couponTypeId").GetString() == "market-10-50");
        Assert.Equal((Stock, 0), (pool.GetProperty("granted").GetInt32(), pool.GetProperty("remaining").GetInt32()));

        foreach (var (resident, couponId) in granted)
        {
            using var client = survivor.ClientFor(TestTokens.Resident(resident));
            var wallet = await client.GetFromJsonAsync<JsonElement>("/me/coupons", TestContext.Current.CancellationToken);
            Assert.Equal([couponId], wallet.EnumerateArray().Select(c => c.GetProperty("couponId").GetString()));
        }

        var reconciliation = await operatorClient.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/reconciliation", TestContext.Current.CancellationToken);
        Assert.Empty(reconciliation.GetProperty("differences").EnumerateArray());
        Assert.Equal((long)Stock, await database.ScalarAsync<long>($"SELECT count(*) FROM ClaimsLedger WHERE Kind = 'CouponClaimed' AND CampaignId = '{campaign.Id}'"));
    }

    // A load balancer's view: a node that is gone is skipped, and a 503 is retried with the same
    // Idempotency-Key, so a claim cut off by the crash is answered with its coupon, never twice.
    private static async Task<(bool Granted, string Value)> ClaimUntilAnsweredAsync(ClaimsProcess first, ClaimsProcess fallback, string resident, string campaignId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            using var client = (attempt == 0 ? first : fallback).ClientFor(TestTokens.Resident(resident));
            try
            {
                using var response = await client.ClaimAsync(campaignId, "market-10-50", idempotencyKey: $"tap-{resident}");
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Created:
                        return (true, body.GetProperty("couponId").GetString()!);
                    case HttpStatusCode.Conflict:
                        return (false, body.GetProperty("code").GetString()!);
                    case HttpStatusCode.ServiceUnavailable:
                        Assert.True(response.Headers.RetryAfter is not null, "A 503 must say when to retry.");
                        break;
                    default:
                        Assert.Fail($"{resident}: {(int)response.StatusCode} {body}");
                        break;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                // The node died under the request.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{resident} got no answer in 120 s.");
    }
}
