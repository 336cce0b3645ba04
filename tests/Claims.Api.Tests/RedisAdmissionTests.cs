using System.Text.Json;
using Claims.Silo.Storage.Postgres;
using Claims.Silo.Tests;
using StackExchange.Redis;

namespace Claims.Api.Tests;

/// <summary>
/// Two API nodes sharing admission through a Redis of the test's own: a resident's rate limit
/// holds across both, pools' counts are announced to every node, and when Redis dies mid-rush both
/// nodes keep serving by themselves, say so in their readiness, and grant the stock exactly.
/// </summary>
public sealed class RedisAdmissionTests
{
    [Fact]
    public async Task NodesShareAdmissionThroughRedisAndKeepServingExactlyWhenItDies()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        await PostgresSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken);
        var settings = NodeSettings.OnPostgres(database.ConnectionString);
        settings["Admission:Redis"] = redis.Configuration;
        await using var first = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        await using var second = await ClaimsProcess.StartAsync(Path.GetTempPath(), settings);
        using var operatorClient = first.ClientFor(TestTokens.Operator());
        Assert.Equal("Healthy", await AdmissionHealthAsync(first));

        // Six taps on each node at once, each a new claim: one bucket of ten serves both. Each
        // node has answered a claim before, so none spends the bucket's refill compiling.
        var limited = await CreateAsync(operatorClient, ApiCampaigns.Open(stock: 100));
        foreach (var node in new[] { first, second })
        {
            using var warm = node.ClientFor(TestTokens.Resident($"warm-{node.Address.Port}"));
            using var _ = await warm.ClaimAsync(limited.Id, "market-10-50");
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var taps = new[] { first, second }.SelectMany(node => Enumerable.Range(0, 6).Select(tap => Task.Run(async () =>
        {
            using var bot = node.ClientFor(TestTokens.Resident("bot"));
            await start.Task;
            using var response = await bot.ClaimAsync(limited.Id, "market-10-50", idempotencyKey: $"{node.Address.Port}-{tap}");
            return response.StatusCode;
        }))).ToList();
        start.SetResult();
        var statuses = await Task.WhenAll(taps);

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), 1, 2);

        // A pool that runs dry announces it to every node at once.
        await using var listener = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var announcements = new List<string>();
        await listener.GetSubscriber().SubscribeAsync(RedisChannel.Literal("claims:stock"), (_, message) =>
        {
            lock (announcements)
            {
                announcements.Add(message!);
            }
        });
        var small = await CreateAsync(operatorClient, ApiCampaigns.Open(stock: 3));
        for (var i = 0; i < 4; i++)
        {
            using var resident = first.ClientFor(TestTokens.Resident($"early-{i}"));
            using var _ = await resident.ClaimAsync(small.Id, "market-10-50");
        }

        await WaitUntilAsync(() =>
        {
            lock (announcements)
            {
                return announcements.Contains($"{small.Id}/p1/market-10-50 3 0 0");
            }
        });
        using var late = second.ClientFor(TestTokens.Resident("late"));
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "sold_out", late.ClaimAsync(small.Id, "market-10-50"));

        // The rush: Redis dies a third of the way in.
        var rush = await CreateAsync(operatorClient, ApiCampaigns.Open(stock: 150));
        var answered = 0;
        var redisStopped = Task.CompletedTask;
        var answers = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            using var client = (i % 2 == 0 ? first : second).ClientFor(TestTokens.Resident($"rush-{i}"));
            using var response = await client.ClaimAsync(rush.Id, "market-10-50", idempotencyKey: $"rush-{i}");
            if (Interlocked.Increment(ref answered) == 100)
            {
                redisStopped = redis.StopAsync();
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            return (response.StatusCode, Code: body.TryGetProperty("code", out var code) ? code.GetString() : null, RetryAfter: response.Headers.RetryAfter);
        }));
        await redisStopped;

        Assert.Equal(150, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var unexpected = answers.Where(a => a is not ((HttpStatusCode.Created, _, _) or (HttpStatusCode.Conflict, "sold_out", _) or (HttpStatusCode.ServiceUnavailable, "unavailable", { }))).ToList();
        Assert.True(unexpected.Count == 0, $"{string.Join(", ", unexpected.Select(a => $"{a.StatusCode} {a.Code}"))}\n{first.RecentOutput}\n{second.RecentOutput}");
        Assert.Equal("Degraded", await AdmissionHealthAsync(first));
        Assert.Equal("Degraded", await AdmissionHealthAsync(second));

        // With Redis gone, a node still refuses the resident over its limit, by itself.
        using var eager = first.ClientFor(TestTokens.Resident("eager"));
        var eagerStatuses = new List<HttpStatusCode>();
        for (var tap = 0; tap < 12; tap++)
        {
            using var response = await eager.ClaimAsync(limited.Id, "market-10-50", idempotencyKey: $"eager-{tap}");
            eagerStatuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, eagerStatuses);
        // The pool's own count, through the admin view: the catalog may show a count up to
        // Admission:RemainingMaxAge old, and with Redis gone no node hears another's pools.
        var view = await operatorClient.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{rush.Id}", TestContext.Current.CancellationToken);
        var pool = view.GetProperty("pools").EnumerateArray().Single(p => p.GetProperty("couponTypeId").GetString() == "market-10-50");
        Assert.Equal((150, 0), (pool.GetProperty("granted").GetInt32(), pool.GetProperty("remaining").GetInt32()));
    }

    private static async Task<CampaignDefinition> CreateAsync(HttpClient operatorClient, CampaignDefinition campaign)
    {
        (await operatorClient.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return campaign;
    }

    private static async Task<string?> AdmissionHealthAsync(ClaimsProcess node)
    {
        using var client = node.ClientFor(TestTokens.Operator());
        var report = await client.GetFromJsonAsync<JsonElement>("/health/ready", TestContext.Current.CancellationToken);
        return report.GetProperty("checks").GetProperty("admission").GetProperty("status").GetString();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; !condition() && attempt < 100; attempt++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
