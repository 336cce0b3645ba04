using System.Collections.Concurrent;
using System.Text.Json;
using Claims.Grains.Events;

namespace Claims.Api.Tests;

public sealed class ProcessCrashTests : IDisposable
{
    private const int Stock = 400;
    private const int Residents = 1500;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"claims-crash-{Guid.NewGuid():N}");

    [Fact]
    public async Task ClaimsAcknowledgedBeforeASigkillSurviveTheRestartAndStockAgrees()
    {
        var campaign = ApiCampaigns.Open(stock: Stock);

        // Each resident taps once, keyed by their id: the answers are by resident.
        var acknowledged = await ClaimUntilKilledAsync(campaign, Residents, inFlight: 48, killAfter: Stock / 3, i => ($"crash-{i}", "market-10-50", $"crash-{i}"));

        Assert.InRange(acknowledged.Count, Stock / 3, Stock);
        await using var second = await ClaimsProcess.StartAsync(_dataDirectory);
        using var operatorClient = second.ClientFor(TestTokens.Operator());
        var granted = await GrantedAsync(operatorClient, campaign.Id);

        var owned = 0;
        foreach (var resident in Enumerable.Range(0, Residents).Select(i => $"crash-{i}"))
        {
            using var client = second.ClientFor(TestTokens.Resident(resident));
            var wallet = await client.GetFromJsonAsync<JsonElement>("/me/coupons");
            var ids = wallet.EnumerateArray().Select(c => c.GetProperty("couponId").GetString()).ToList();
            Assert.True(ids.Count <= 1, $"{resident} holds {ids.Count} coupons of a one-per-industry campaign.");
            if (acknowledged.TryGetValue(resident, out var couponId))
            {
                Assert.Equal([couponId], ids);
            }

            owned += ids.Count;
        }

        // Every grant the pool counts has an owner holding it, and nothing acknowledged went missing,
        // from the wallets or from the ledger.
        Assert.Equal(granted, owned);
        Assert.InRange(granted, acknowledged.Count, Stock);
        var ledger = LedgerRows.ClaimedCouponIds(LedgerRows.ReadSqlite(DatabasePath, campaign));
        Assert.Equal(granted, ledger.Count);
        Assert.Equal(granted, ledger.Distinct().Count());
        Assert.All(acknowledged.Values, couponId => Assert.Contains(couponId, ledger));

        // The restarted pool keeps selling exactly what is left, never more.
        var late = await Task.WhenAll(Enumerable.Range(0, Stock).Select(async i =>
        {
            using var client = second.ClientFor(TestTokens.Resident($"late-{i}"));
            using var response = await client.ClaimAsync(campaign.Id, "market-10-50");
            return response.StatusCode;
        }));
        Assert.Equal(Stock - granted, late.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Stock, await GrantedAsync(operatorClient, campaign.Id));
    }

    [Fact]
    public async Task ARushOnSeveralPoolsCommittedTogetherLosesNoAcknowledgedGrantToASigkillAndJournalsNoneTwice()
    {
        // Every claimable type its own pool, the taps taking turns between them, so the silo's
        // ledger writer has every pool's appends to commit together when the kill comes.
        string[] types = ["market-10-50", "market-20-100", "dining-10-50"];
        var campaign = ApiCampaigns.Open(stock: Stock);
        var acknowledged = await ClaimUntilKilledAsync(campaign, Residents * types.Length, inFlight: 96, killAfter: Stock, i => ($"pools-{i / types.Length}", types[i % types.Length], $"{i / types.Length}-{types[i % types.Length]}"));

        await using var second = await ClaimsProcess.StartAsync(_dataDirectory);
        using var operatorClient = second.ClientFor(TestTokens.Operator());
        var view = await operatorClient.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}");
        var granted = view.GetProperty("pools").EnumerateArray().ToDictionary(p => p.GetProperty("couponTypeId").GetString()!, p => p.GetProperty("granted").GetInt32());

        // The journals hold every acknowledged grant once and no coupon twice, and no pool granted
        // past its stock or holds a grant its journal does not.
        var journal = LedgerRows.ClaimedCouponIds(LedgerRows.ReadSqlite(DatabasePath, campaign));
        Assert.Equal(journal.Count, journal.Distinct().Count());
        Assert.All(acknowledged.Values, couponId => Assert.Single(journal, couponId));
        Assert.All(types, type => Assert.InRange(granted[type], 0, Stock));
        Assert.Equal(types.Sum(type => granted[type]), journal.Count);
        Assert.True(types.Count(type => acknowledged.Keys.Any(tap => tap.EndsWith(type, StringComparison.Ordinal))) >= 2, "The rush reached one pool only.");

        // Nobody holds two supermarket coupons, and every acknowledged coupon is in its owner's wallet.
        foreach (var resident in Enumerable.Range(0, Residents))
        {
            using var client = second.ClientFor(TestTokens.Resident($"pools-{resident}"));
            var wallet = (await client.GetFromJsonAsync<JsonElement>("/me/coupons")).EnumerateArray().ToList();
            Assert.True(wallet.Count(c => c.GetProperty("industry").GetString() == "supermarket") <= 1, $"pools-{resident} holds two supermarket coupons.");
            Assert.All(
                acknowledged.Where(a => a.Key.StartsWith($"{resident}-", StringComparison.Ordinal)),
                a => Assert.Contains(wallet, c => c.GetProperty("couponId").GetString() == a.Value));
        }
    }

    [Fact]
    public async Task RedemptionsAcknowledgedBeforeASigkillSurviveAndEveryOrderCompletesOnRetry()
    {
        const int Shoppers = 300;
        var campaign = ApiCampaigns.Open(stock: Shoppers);
        var coupons = new Dictionary<string, string>();
        var acknowledged = new ConcurrentDictionary<string, string>();
        string merchantId;
        await using (var first = await ClaimsProcess.StartAsync(_dataDirectory))
        {
            using (var admin = first.ClientFor(TestTokens.Operator()))
            {
                (await admin.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options)).EnsureSuccessStatusCode();
                merchantId = await admin.ApprovedMerchantAsync();
            }

            foreach (var shopper in Enumerable.Range(0, Shoppers).Select(i => $"shopper-{i}"))
            {
                using var client = first.ClientFor(TestTokens.Resident(shopper));
                coupons[shopper] = await client.ClaimedCouponIdAsync(campaign.Id);
            }

            var killed = 0;
            using var till = first.ClientFor(TestTokens.Merchant(merchantId));
            using var gate = new SemaphoreSlim(32);
            await Task.WhenAll(coupons.Select(async pair =>
            {
                await gate.WaitAsync();
                try
                {
                    using var response = await till.RedeemAsync(pair.Value, pair.Key, $"order-{pair.Key}", 66.6m);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged[pair.Key] = await response.Content.ReadAsStringAsync();
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                {
                    // Cut off by the crash: the till does not know whether the order went through.
                }
                finally
                {
                    gate.Release();
                }

                if (acknowledged.Count >= Shoppers / 3 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await first.KillAsync();
                }
            }));
            Assert.Equal(1, killed);
        }

        await using var second = await ClaimsProcess.StartAsync(_dataDirectory);
        using var secondTill = second.ClientFor(TestTokens.Merchant(merchantId));

        // Every till retries its order: acknowledged ones get their first answer back, the others
        // complete now, and no coupon is taken twice.
        foreach (var (shopper, couponId) in coupons)
        {
            using var retry = await secondTill.RedeemAsync(couponId, shopper, $"order-{shopper}", 66.6m);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            if (acknowledged.TryGetValue(shopper, out var answer))
            {
                Assert.Equal(answer, await retry.Content.ReadAsStringAsync());
            }
        }

        var redeemed = LedgerRows.ReadSqlite(DatabasePath, campaign).OfType<CouponRedeemed>().Select(e => e.EventId).ToList();
        Assert.Equal(Shoppers, redeemed.Count);
        Assert.All(acknowledged.Keys, shopper => Assert.Contains($"redeemed:{merchantId}/order-{shopper}", redeemed));
        using var operatorClient = second.ClientFor(TestTokens.Operator());
        var pool = await PoolAsync(operatorClient, campaign.Id);
        Assert.Equal((Shoppers, Shoppers), (pool.GetProperty("granted").GetInt32(), pool.GetProperty("redeemed").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await secondTill.RefundAsync("order-shopper-0")).StatusCode);
        Assert.Equal(1, (await PoolAsync(operatorClient, campaign.Id)).GetProperty("refunded").GetInt32());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leaves a temp folder behind at worst.
        }
    }

    // Starts a node, creates the campaign, sends the taps with so many in flight, and SIGKILLs
    // the node once that many are acknowledged; the coupon each acknowledged tap got, by its key.
    private async Task<ConcurrentDictionary<string, string>> ClaimUntilKilledAsync(
        CampaignDefinition campaign, int taps, int inFlight, int killAfter, Func<int, (string Resident, string CouponTypeId, string Key)> tap)
    {
        var acknowledged = new ConcurrentDictionary<string, string>();
        await using var node = await ClaimsProcess.StartAsync(_dataDirectory);
        using (var admin = node.ClientFor(TestTokens.Operator()))
        {
            (await admin.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options)).EnsureSuccessStatusCode();
        }

        var killed = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gate = new SemaphoreSlim(inFlight);
        var claims = Enumerable.Range(0, taps).Select(async i =>
        {
            await start.Task;
            await gate.WaitAsync();
            var (resident, couponTypeId, key) = tap(i);
            try
            {
                using var client = node.ClientFor(TestTokens.Resident(resident));
                using var response = await client.ClaimAsync(campaign.Id, couponTypeId, idempotencyKey: key);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged[key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("couponId").GetString()!;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                // Refused or cut off by the crash: the claim's outcome is unknown to the resident.
            }
            finally
            {
                gate.Release();
            }

            if (acknowledged.Count >= killAfter && Interlocked.Exchange(ref killed, 1) == 0)
            {
                await node.KillAsync();
            }
        }).ToList();
        start.SetResult();
        await Task.WhenAll(claims);
        Assert.Equal(1, killed);
        return acknowledged;
    }

    private string DatabasePath => Path.Combine(_dataDirectory, "claims.db");

    private static async Task<int> GrantedAsync(HttpClient operatorClient, string campaignId) =>
        (await PoolAsync(operatorClient, campaignId)).GetProperty("granted").GetInt32();

    private static async Task<JsonElement> PoolAsync(HttpClient operatorClient, string campaignId)
    {
        var view = await operatorClient.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaignId}");
        return view.GetProperty("pools").EnumerateArray().Single(p => p.GetProperty("couponTypeId").GetString() == "market-10-50");
    }
}
