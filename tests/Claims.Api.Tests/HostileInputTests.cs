using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Claims.Api.Tests;

/// <summary>
/// Ten thousand generated hostile requests (see <see cref="HostileRequests"/>): none gets a 5xx,
/// each gets its 4xx and its code, and afterwards the ledger and every pool's counts are exactly
/// what they were before.
/// </summary>
public sealed class HostileInputTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    private const int Requests = 10_000;
    private const int Oversized = 40;

    [Fact]
    public async Task TenThousandHostileRequestsGetTheirCodesAndChangeNothing()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());
        var merchantA = await admin.ApprovedMerchantAsync();
        var merchantB = await admin.ApprovedMerchantAsync();
        using var owner = factory.ClientFor(TestTokens.Resident("owner-1"));
        using var tillA = factory.ClientFor(TestTokens.Merchant(merchantA));
        Assert.Equal(HttpStatusCode.OK, (await tillA.RedeemAsync(await owner.ClaimedCouponIdAsync(campaign.Id), "owner-1", "a-order", 60m)).StatusCode);
        using var secondOwner = factory.ClientFor(TestTokens.Resident("owner-2"));
        var unredeemed = await secondOwner.ClaimedCouponIdAsync(campaign.Id);
        var before = await SnapshotAsync(admin, campaign.Id);

        var generator = new HostileRequests(campaign.Id, merchantA, merchantB, unredeemed, "a-order", seed: 20261201);
        var requests = generator.Take(Requests).Concat(Enumerable.Range(0, Oversized).Select(_ => generator.Oversized())).ToList();
        var wrong = new ConcurrentBag<string>();
        using var client = factory.CreateClient();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, async (request, cancellationToken) =>
        {
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var code = text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null : null;
            if (response.StatusCode != request.Status || code != request.Code)
            {
                wrong.Add($"{request} -> {(int)response.StatusCode} {code} (expected {(int)request.Status} {request.Code})");
            }
        });

        Assert.True(wrong.IsEmpty, $"{wrong.Count} of {requests.Count} answered otherwise, e.g.:\n{string.Join('\n', wrong.Take(15))}");
        Assert.Equal(before, await SnapshotAsync(admin, campaign.Id));
    }

    // The ledger's rows and the pools' counts, as one comparable string.
    private async Task<string> SnapshotAsync(HttpClient admin, string campaignId)
    {
        // The report waits for grants answered before their events reached the ledger.
        (await admin.GetAsync($"/admin/campaigns/{campaignId}/report", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var view = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaignId}", TestContext.Current.CancellationToken);
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*), COALESCE(MAX(Position), 0) FROM ClaimsLedger";
        using var reader = count.ExecuteReader();
        reader.Read();
        return $"ledger {reader.GetInt64(0)} rows up to {reader.GetInt64(1)}; status {view.GetProperty("status")}; pools {view.GetProperty("pools")}";
    }
}
