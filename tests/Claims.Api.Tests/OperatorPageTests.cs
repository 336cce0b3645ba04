namespace Claims.Api.Tests;

/// <summary>
/// The operators' campaign page in a real headless Chromium against a real server process: sign in
/// with a token, watch the live numbers move during a small rush, and suspend a merchant from an
/// alert with the page's button.
/// </summary>
public sealed class OperatorPageTests
{
    [Fact]
    public async Task AnOperatorWatchesARushAndSuspendsAMerchantFromTheCampaignPage()
    {
        // Whatever goes wrong, the test ends: a page that never shows a number fails by this.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        var data = Directory.CreateTempSubdirectory("claims-operator-page-");
        await using var server = await ClaimsProcess.StartAsync(data.FullName, new Dictionary<string, string>
        {
            ["Risk:RepeatResidentCount"] = "2",
            ["Risk:BusinessOpens"] = "00:00:00",
            ["Risk:BusinessCloses"] = "00:00:00",
        });
        using var admin = server.ClientFor(TestTokens.Operator());
        var campaign = ApiCampaigns.Open(stock: 100);
        (await admin.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, deadline.Token)).EnsureSuccessStatusCode();
        var merchant = await admin.ApprovedMerchantAsync(["supermarket", "dining"]);

        // One resident's two coupons at one merchant: the alert the page will act on.
        using var till = server.ClientFor(TestTokens.Merchant(merchant));
        using var cashier = server.ClientFor(TestTokens.Resident("cashier"));
        foreach (var type in new[] { "market-10-50", "dining-10-50" })
        {
            (await till.RedeemAsync(await cashier.ClaimedCouponIdAsync(campaign.Id, type), "cashier", $"cash-{type}", 80m)).EnsureSuccessStatusCode();
        }

        await using var browser = await HeadlessChromium.StartAsync(deadline.Token);
        await browser.NavigateAsync(new Uri(server.Address, $"/operator/campaigns/{campaign.Id}"), deadline.Token);
        await browser.UntilAsync("location.pathname === '/operator/login'", deadline.Token);
        await browser.EvaluateAsync($"document.getElementById('token').value = '{TestTokens.Operator()}'; document.querySelector('form').submit(); true", deadline.Token);
        await browser.UntilAsync($"location.pathname === '/operator/campaigns/{campaign.Id}' && document.readyState === 'complete'", deadline.Token);
        await browser.UntilAsync("document.querySelector('[data-pool=\"market-10-50\"] .granted')?.textContent === '1'", deadline.Token);

        var rush = Enumerable.Range(0, 40).Select(async i =>
        {
            using var resident = server.ClientFor(TestTokens.Resident($"rush-{i}"));
            using var _ = await resident.ClaimAsync(campaign.Id, "market-10-50");
        });
        await Task.WhenAll(rush);

        await browser.UntilAsync("document.querySelector('[data-pool=\"market-10-50\"] .granted')?.textContent === '41'", deadline.Token);
        await browser.UntilAsync("document.querySelector('[data-pool=\"market-10-50\"] .remaining')?.textContent === '59'", deadline.Token);

        // The report and the settlement, with their charts, from the ledger.
        await browser.UntilAsync("document.querySelectorAll('#claimedChart rect').length > 0 && document.getElementById('report').textContent.includes('market-10-50')", deadline.Token);
        await browser.UntilAsync($"document.getElementById('settlement').textContent.includes('{merchant}') && document.querySelectorAll('#paidChart rect').length === 1", deadline.Token);

        await browser.UntilAsync("document.querySelector('button[data-suspend]') !== null", deadline.Token);
        await browser.EvaluateAsync("document.querySelector('button[data-suspend]').click(); true", deadline.Token);
        await browser.UntilAsync("document.querySelector('.suspended') !== null", deadline.Token);

        var view = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/admin/merchants/{merchant}", deadline.Token);
        Assert.Equal("suspended", view.GetProperty("status").GetString());
        data.Delete(recursive: true);
    }
}
