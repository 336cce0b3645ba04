using System.Collections.Concurrent;
using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>
/// A claim rush on one coupon type of a cluster of real nodes, with something breaking midway,
/// and the checks that must hold after it whatever broke. Every fifth resident taps twice at once
/// with two keys, so the limit of one per phase is raced as well as the stock.
/// </summary>
public sealed class ClusterRush(string campaignId, int stock, int residents)
{
    private const string CouponTypeId = "market-10-50";

    // Each tap's answer: a coupon id when granted, else the refusal code.
    private readonly ConcurrentDictionary<string, (string Resident, bool Granted, string Value)> _taps = new(StringComparer.Ordinal);
    private int _granted;
    private int _disrupted;

    /// <summary>
    /// Sends every resident's taps through <paramref name="entry"/>'s node for that resident, 64
    /// at a time, and runs <paramref name="disrupt"/> once a third of the stock is granted. A tap
    /// is retried as a load balancer and a patient client would: on <paramref name="fallback"/>,
    /// with the same Idempotency-Key, until it gets a final answer.
    /// </summary>
    public async Task RunAsync(Func<int, ClaimsProcess> entry, ClaimsProcess fallback, Func<Task> disrupt)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gate = new SemaphoreSlim(64);
        var taps = Enumerable.Range(0, residents)
            .SelectMany(i => (i % 5 == 0 ? new[] { "a", "b" } : ["a"]).Select(tap => (Index: i, Key: $"tap-{tap}-r-{i}")))
            .Select(async tap =>
            {
                await start.Task;
                await gate.WaitAsync();
                try
                {
                    var resident = $"r-{tap.Index}";
                    var (granted, value) = await ClaimUntilAnsweredAsync(entry(tap.Index), fallback, resident, tap.Key);
                    _taps[tap.Key] = (resident, granted, value);
                    if (granted)
                    {
                        Interlocked.Increment(ref _granted);
                    }
                }
                finally
                {
                    gate.Release();
                }

                if (Volatile.Read(ref _granted) >= stock / 3 && Interlocked.Exchange(ref _disrupted, 1) == 0)
                {
                    await disrupt();
                }
            })
            .ToList();
        start.SetResult();
        await Task.WhenAll(taps);
        Assert.Equal(1, _disrupted);
    }

    /// <summary>
    /// Exactly the stock granted, nobody over the limit, every other tap refused as sold out or
    /// over the limit; every coupon in its owner's wallet, and the pool's counters, the ledger and
    /// the settlement agree; the pools' journals in the ledger hold every coupon granted, once.
    /// </summary>
    public async Task AssertConsistentAsync(ClaimsProcess node, Func<Task<IReadOnlyList<string>>> journalCouponIds)
    {
        var granted = _taps.Values.Where(t => t.Granted).GroupBy(t => t.Resident)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Value).Distinct().ToList());
        Assert.All(granted, g => Assert.Single(g.Value));
        Assert.Equal(stock, granted.Count);
        Assert.All(_taps.Values.Where(t => !t.Granted), t => Assert.Contains(t.Value, new[] { "sold_out", "limit_reached" }));

        using var operatorClient = node.ClientFor(TestTokens.Operator());
        var pools = (await GetPatientlyAsync(operatorClient, $"/admin/campaigns/{campaignId}")).GetProperty("pools");
        var pool = pools.EnumerateArray().Single(p => p.GetProperty("roundId").GetString() == "p1" && p.GetProperty("couponTypeId").GetString() == CouponTypeId);
        Assert.Equal((stock, 0), (pool.GetProperty("granted").GetInt32(), pool.GetProperty("remaining").GetInt32()));

        foreach (var (resident, couponIds) in granted)
        {
            using var client = node.ClientFor(TestTokens.Resident(resident));
            var wallet = await GetPatientlyAsync(client, "/me/coupons");
            Assert.Equal(couponIds, wallet.EnumerateArray().Select(c => c.GetProperty("couponId").GetString()));
        }

        Assert.Equal(granted.Values.Select(ids => ids.Single()).Order(), (await journalCouponIds()).Order());
        var reconciliation = await GetPatientlyAsync(operatorClient, $"/admin/campaigns/{campaignId}/reconciliation");
        Assert.Empty(reconciliation.GetProperty("differences").EnumerateArray());
    }

    // A read that meets a grain still recovering from the outage (a pool replacing an activation
    // whose last write was cut off) answers 503 with a retry hint; a client retries it.
    private static async Task<JsonElement> GetPatientlyAsync(HttpClient client, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20)
            {
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            }

            Assert.NotNull(response.Headers.RetryAfter);
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    private async Task<(bool Granted, string Value)> ClaimUntilAnsweredAsync(ClaimsProcess first, ClaimsProcess fallback, string resident, string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            var node = attempt == 0 ? first : fallback;
            using var client = node.ClientFor(TestTokens.Resident(resident));
            try
            {
                using var response = await client.ClaimAsync(campaignId, CouponTypeId, idempotencyKey: key);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Created:
                        return (true, body.GetProperty("couponId").GetString()!);
                    case HttpStatusCode.Conflict:
                        return (false, body.GetProperty("code").GetString()!);
                    case HttpStatusCode.ServiceUnavailable:
                        Assert.True(response.Headers.RetryAfter is not null, "A 503 must say when to retry.");
                        Assert.Equal("unavailable", body.GetProperty("code").GetString());
                        break;
                    case HttpStatusCode.TooManyRequests:
                        // Retrying through an outage can use up a resident's bucket: wait as told.
                        Assert.Equal("rate_limited", body.GetProperty("code").GetString());
                        await Task.Delay(response.Headers.RetryAfter?.Delta ?? throw new InvalidOperationException("A 429 must say when to retry."));
                        break;
                    default:
                        // The node logs the failure behind the response: give its console a moment.
                        await Task.Delay(1000);
                        Assert.Fail($"{resident}: {(int)response.StatusCode} {body}\n{node.RecentOutput}");
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
