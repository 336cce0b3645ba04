using System.Net.Http.Headers;
using System.Text.Json;

namespace Claims.Api.Tests;

public sealed class ReportEndpointTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task TheReportComesFromTheLedgerAsJsonOrCsv()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 20));
        using var admin = factory.ClientFor(TestTokens.Operator());
        var merchantId = await admin.ApprovedMerchantAsync();
        using var till = factory.ClientFor(TestTokens.Merchant(merchantId));
        foreach (var resident in new[] { "a", "b", "c" })
        {
            using var client = factory.ClientFor(TestTokens.Resident(resident));
            var couponId = await client.ClaimedCouponIdAsync(campaign.Id);
            if (resident != "c")
            {
                Assert.Equal(HttpStatusCode.OK, (await till.RedeemAsync(couponId, resident, $"order-{resident}", 120)).StatusCode);
            }
        }

        var report = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/report", TestContext.Current.CancellationToken);
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/admin/campaigns/{campaign.Id}/report");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csvResponse = await admin.SendAsync(csvRequest, TestContext.Current.CancellationToken);
        var csv = await csvResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var line = report.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("couponTypeId").GetString() == "market-10-50");
        Assert.Equal((3, 2, 240m, 12m), (line.GetProperty("claimed").GetInt32(), line.GetProperty("redeemed").GetInt32(), line.GetProperty("orderTotal").GetDecimal(), line.GetProperty("leverage").GetDecimal()));
        Assert.Equal(2, Assert.Single(report.GetProperty("merchants").EnumerateArray()).GetProperty("redemptions").GetInt32());
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("roundId,fund,industry,couponTypeId,", csv);
        Assert.Contains("p1,county,supermarket,market-10-50,10,20,0,3,30,0.15,3,2,20,0.6667,0,0,0,0,0,240,12,0,0,0,0,0\r\n", csv);
        Assert.Contains($"\r\nmerchantId,redemptions,value,orderTotal\r\n{merchantId},2,20,240\r\n", csv);
        var total = report.GetProperty("totals").EnumerateArray().First();
        Assert.Equal(("campaign", 3, 1), (total.GetProperty("scope").GetString(), total.GetProperty("residents").GetInt32(), total.GetProperty("merchants").GetInt32()));
        Assert.Contains("\r\nscope,key,residents,merchants,claimed,", csv);
        Assert.Contains("\r\ndate,claimed,claimedValue,residents,redeemed,redeemedValue,orderTotal\r\n", csv);
        var region = Assert.Single(report.GetProperty("regions").EnumerateArray());
        Assert.Equal(("410423", 3, 2), (region.GetProperty("regionCode").GetString(), region.GetProperty("claimed").GetInt32(), region.GetProperty("redeemed").GetInt32()));
        Assert.Contains("\r\nregionCode,claimed,claimedValue,residents,redeemed,redeemedValue,orderTotal\r\n410423,3,30,3,2,20,240\r\n", csv);

        var settlement = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/settlement", TestContext.Current.CancellationToken);
        var fund = Assert.Single(settlement.GetProperty("funds").EnumerateArray());
        Assert.Equal((1_000_000m, 20m, 999_980m), (fund.GetProperty("budget").GetDecimal(), fund.GetProperty("paid").GetDecimal(), fund.GetProperty("leftover").GetDecimal()));
        using var settlementCsv = new HttpRequestMessage(HttpMethod.Get, $"/admin/campaigns/{campaign.Id}/settlement");
        settlementCsv.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var settlementText = await (await admin.SendAsync(settlementCsv, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal($"fund,budget,paid,leftover,held,released,reversed,inReview\r\ncounty,1000000,20,999980,0,0,0,0\r\n\r\nfund,merchantId,redemptions,amount,held,released,reversed,inReview\r\ncounty,{merchantId},2,20,0,0,0,0\r\n", settlementText);
    }

    [Fact]
    public async Task AHealthyCampaignReconcilesAndALostLedgerRowIsReported()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 20));
        using var admin = factory.ClientFor(TestTokens.Operator());
        var merchantId = await admin.ApprovedMerchantAsync();
        using var till = factory.ClientFor(TestTokens.Merchant(merchantId));
        foreach (var resident in new[] { "x", "y" })
        {
            using var client = factory.ClientFor(TestTokens.Resident(resident));
            var couponId = await client.ClaimedCouponIdAsync(campaign.Id);
            Assert.Equal(HttpStatusCode.OK, (await till.RedeemAsync(couponId, resident, $"order-{resident}", 100)).StatusCode);
        }

        var healthy = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/reconciliation", TestContext.Current.CancellationToken);
        Assert.True(healthy.GetProperty("checked").GetInt32() > 0);
        Assert.Equal(0, healthy.GetProperty("differences").GetArrayLength());

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            // The pool's newest journal append: the second redemption.
            drop.CommandText = "DELETE FROM ClaimsLedger WHERE Position = (SELECT MAX(Position) FROM ClaimsLedger WHERE Kind = 'PoolAppended' AND CampaignId = $campaign)";
            drop.Parameters.AddWithValue("$campaign", campaign.Id);
            Assert.Equal(1, drop.ExecuteNonQuery());
        }

        var broken = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/reconciliation", TestContext.Current.CancellationToken);
        var difference = Assert.Single(broken.GetProperty("differences").EnumerateArray());
        Assert.Equal(("redeemed", "market-10-50", 1m, 2m, -1m), (
            difference.GetProperty("measure").GetString(),
            difference.GetProperty("couponTypeId").GetString(),
            difference.GetProperty("ledger").GetDecimal(),
            difference.GetProperty("other").GetDecimal(),
            difference.GetProperty("difference").GetDecimal()));
    }

    [Fact]
    public async Task AReportAskedTheMomentARushIsAnsweredCountsEveryGrant()
    {
        // A grant is answered once its pool's journal append is in the ledger, however deep the burst.
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 400));
        using var admin = factory.ClientFor(TestTokens.Operator());
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = Enumerable.Range(0, 300).Select(i => Task.Run(async () =>
        {
            using var client = factory.ClientFor(TestTokens.Resident($"rushing-{i}"));
            await start.Task;
            return await client.ClaimedCouponIdAsync(campaign.Id);
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(claims);

        var report = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}/report", TestContext.Current.CancellationToken);

        var line = report.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("couponTypeId").GetString() == "market-10-50");
        Assert.Equal((300, 300), (line.GetProperty("claimed").GetInt32(), line.GetProperty("residents").GetInt32()));
    }

    [Fact]
    public async Task TheAuditSampleIsReproducibleStratifiedByMerchantAndAtLeastTheFraction()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 100));
        using var admin = factory.ClientFor(TestTokens.Operator());
        var busy = await admin.ApprovedMerchantAsync();
        var quiet = await admin.ApprovedMerchantAsync();
        for (var i = 0; i < 25; i++)
        {
            var resident = $"audited-{i}";
            using var client = factory.ClientFor(TestTokens.Resident(resident));
            using var till = factory.ClientFor(TestTokens.Merchant(i == 0 ? quiet : busy));
            var couponId = await client.ClaimedCouponIdAsync(campaign.Id);
            Assert.Equal(HttpStatusCode.OK, (await till.RedeemAsync(couponId, resident, $"order-{i}", 100)).StatusCode);
        }

        async Task<string[]> SampleAsync(string query) =>
            (await admin.GetStringAsync($"/admin/campaigns/{campaign.Id}/audit-sample{query}", TestContext.Current.CancellationToken))
                .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];

        var first = await SampleAsync("?fraction=0.1&seed=7");
        Assert.Equal(first, await SampleAsync("?fraction=0.1&seed=7"));
        Assert.Equal(4, first.Length);
        Assert.Single(first, r => r.StartsWith(quiet + ",", StringComparison.Ordinal));
        Assert.Equal(first.Length, (await SampleAsync("")).Length);
        Assert.Equal(25, (await SampleAsync("?fraction=1")).Length);
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.GetAsync($"/admin/campaigns/{campaign.Id}/audit-sample?fraction=0", TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_request", admin.GetAsync($"/admin/campaigns/{campaign.Id}/audit-sample?seed=x", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OnlyOperatorsReadReportsAndUnknownCampaignsHaveNone()
    {
        using var admin = factory.ClientFor(TestTokens.Operator());
        using var resident = factory.ClientFor(TestTokens.Resident("curious"));

        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "campaign_not_found", admin.GetAsync("/admin/campaigns/no-such-campaign/report", TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.BadRequest, "invalid_id", admin.GetAsync("/admin/campaigns/NOPE/report", TestContext.Current.CancellationToken));
        await ApiAssert.ProblemAsync(HttpStatusCode.Forbidden, "forbidden", resident.GetAsync("/admin/campaigns/no-such-campaign/report", TestContext.Current.CancellationToken));
    }
}
