using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>
/// Each pattern of cash-out and fake orders, planted at a merchant, raises its alert; a normal day
/// raises none; an operator suspends the merchant from an alert and its till is refused from then
/// on. Thresholds are set low so that a handful of residents plants a pattern.
/// </summary>
public sealed class RiskControlTests
{
    private static readonly Dictionary<string, string> AlwaysOpen = new() { ["Risk:BusinessOpens"] = "00:00:00", ["Risk:BusinessCloses"] = "00:00:00" };

    [Fact]
    public async Task ABurstOfRedemptionsRaisesAnAlert()
    {
        await using var factory = ClaimsApiFactory.With(new Dictionary<string, string>(AlwaysOpen) { ["Risk:BurstCount"] = "5" });
        var (campaign, merchant, till) = await SetUpAsync(factory);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => RedeemAsync(factory, campaign, till, $"burst-{i}", 88m)));

        Assert.Contains("redemptionBurst", await AlertKindsAsync(factory, merchant, expected: 1));
    }

    [Fact]
    public async Task OrdersJustAtTheMinimumSpendRaiseAnAlert()
    {
        await using var factory = ClaimsApiFactory.With(new Dictionary<string, string>(AlwaysOpen) { ["Risk:MinimumSpendSample"] = "4", ["Risk:MinimumSpendShare"] = "0.75" });
        var (campaign, merchant, till) = await SetUpAsync(factory);

        // Three orders of exactly the minimum spend and one a yuan above it, out of four.
        foreach (var (resident, amount) in new[] { ("split-1", 50m), ("split-2", 50m), ("split-3", 120m), ("split-4", 51m) })
        {
            await RedeemAsync(factory, campaign, till, resident, amount);
        }

        Assert.Equal(["minimumSpendOrders"], await AlertKindsAsync(factory, merchant, expected: 1));
    }

    [Fact]
    public async Task OneResidentsCouponsUsedAtOneMerchantAgainAndAgainRaiseAnAlert()
    {
        await using var factory = ClaimsApiFactory.With(new Dictionary<string, string>(AlwaysOpen) { ["Risk:RepeatResidentCount"] = "2" });
        var (campaign, merchant, till) = await SetUpAsync(factory);

        await RedeemAsync(factory, campaign, till, "cashier", 80m, "market-10-50");
        await RedeemAsync(factory, campaign, till, "cashier", 90m, "dining-10-50");

        var alerts = await AlertsAsync(factory, merchant, expected: 1);
        Assert.Equal("repeatResident", alerts[0].GetProperty("kind").GetString());
        Assert.Contains("cashier", alerts[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedemptionOutsideBusinessHoursRaisesAnAlertAndTheMerchantIsSuspendedFromIt()
    {
        // Business hours that start two hours from now, in the campaign's zone, and last one hour.
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).TimeOfDay;
        var opens = TimeSpan.FromHours((local.Hours + 2) % 24);
        await using var factory = ClaimsApiFactory.With(new Dictionary<string, string> { ["Risk:BusinessOpens"] = opens.ToString(), ["Risk:BusinessCloses"] = TimeSpan.FromHours((opens.Hours + 1) % 24).ToString() });
        var (campaign, merchant, till) = await SetUpAsync(factory);

        await RedeemAsync(factory, campaign, till, "night-owl", 75m);

        var alert = Assert.Single(await AlertsAsync(factory, merchant, expected: 1));
        Assert.Equal("outsideBusinessHours", alert.GetProperty("kind").GetString());
        using var admin = factory.ClientFor(TestTokens.Operator());
        var (status, suspended) = await ClaimsApiFactory.ReadAsync(await admin.PostAsync($"/admin/alerts/{alert.GetProperty("id").GetString()}/suspend", null, TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(JsonValueKind.Null, suspended.GetProperty("suspendedAt").ValueKind);
        var merchantView = await admin.GetFromJsonAsync<JsonElement>($"/admin/merchants/{merchant}", TestContext.Current.CancellationToken);
        Assert.Equal("suspended", merchantView.GetProperty("status").GetString());

        using var resident = factory.ClientFor(TestTokens.Resident("after-suspension"));
        var couponId = await resident.ClaimedCouponIdAsync(campaign.Id);
        await ApiAssert.ProblemAsync(HttpStatusCode.Conflict, "merchant_not_approved", till.RedeemAsync(couponId, "after-suspension", "late-order", 75m));
        await ApiAssert.ProblemAsync(HttpStatusCode.NotFound, "alert_not_found", admin.PostAsync("/admin/alerts/no-such-alert/suspend", null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACampaignsOwnBusinessHoursDecideOverTheSettings(bool campaignOpenNow)
    {
        // Gaoping's coupons (004) are valid until 23:59: a campaign sets the hours its merchants
        // keep, whatever the deployment's defaults say. Here the settings and the campaign disagree
        // about the present hour; the campaign's hours decide.
        var local = TimeOnly.FromTimeSpan(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).TimeOfDay);
        var open = new BusinessHoursDefinition(local.AddHours(-1), local.AddHours(1));
        var closed = new BusinessHoursDefinition(local.AddHours(2), local.AddHours(3));
        var (settings, campaignHours) = campaignOpenNow ? (closed, open) : (open, closed);
        await using var factory = ClaimsApiFactory.With(new Dictionary<string, string>
        {
            ["Risk:BusinessOpens"] = settings.Opens.ToTimeSpan().ToString(),
            ["Risk:BusinessCloses"] = settings.Closes.ToTimeSpan().ToString(),
            ["Risk:RepeatResidentCount"] = "2",
        });
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open() with { BusinessHours = campaignHours });
        using var admin = factory.ClientFor(TestTokens.Operator());
        var merchant = await admin.ApprovedMerchantAsync(["supermarket", "dining"]);
        var till = factory.ClientFor(TestTokens.Merchant(merchant));

        // The marker's second coupon raises repeatResident last, once every earlier redemption is weighed.
        await RedeemAsync(factory, campaign, till, "marker", 90m, "market-10-50");
        await RedeemAsync(factory, campaign, till, "marker", 95m, "dining-10-50");

        Assert.Equal(campaignOpenNow ? ["repeatResident"] : ["outsideBusinessHours", "repeatResident"], await AlertKindsAsync(factory, merchant, expected: campaignOpenNow ? 1 : 2));
    }

    [Fact]
    public async Task ANormalDayRaisesNothing()
    {
        // A resident's second coupon at the merchant comes last, as a marker: once its alert is in
        // the book, every redemption before it has been weighed (a merchant's are weighed in order).
        // Thresholds a normal day comes near but does not cross: ten redemptions in a minute where
        // fifteen raise a burst, and every order more than 5% above the minimum spend of 50.
        await using var factory = ClaimsApiFactory.With(new Dictionary<string, string>(AlwaysOpen)
        {
            ["Risk:RepeatResidentCount"] = "2",
            ["Risk:BurstCount"] = "15",
            ["Risk:MinimumSpendSample"] = "8",
        });
        var (campaign, merchant, till) = await SetUpAsync(factory);
        decimal[] amounts = [87.5m, 120m, 63.2m, 250m, 99.9m, 71m, 56m, 180m];
        for (var i = 0; i < amounts.Length; i++)
        {
            await RedeemAsync(factory, campaign, till, $"shopper-{i}", amounts[i]);
        }

        await RedeemAsync(factory, campaign, till, "marker", 90m, "market-10-50");
        await RedeemAsync(factory, campaign, till, "marker", 95m, "dining-10-50");

        Assert.Equal(["repeatResident"], await AlertKindsAsync(factory, merchant, expected: 1));
    }

    private static async Task<(CampaignDefinition Campaign, string Merchant, HttpClient Till)> SetUpAsync(ClaimsApiFactory factory)
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        using var admin = factory.ClientFor(TestTokens.Operator());
        var merchant = await admin.ApprovedMerchantAsync(["supermarket", "dining"]);
        return (campaign, merchant, factory.ClientFor(TestTokens.Merchant(merchant)));
    }

    private static async Task RedeemAsync(ClaimsApiFactory factory, CampaignDefinition campaign, HttpClient till, string resident, decimal amount, string couponTypeId = "market-10-50")
    {
        using var client = factory.ClientFor(TestTokens.Resident(resident));
        var couponId = await client.ClaimedCouponIdAsync(campaign.Id, couponTypeId);
        using var response = await till.RedeemAsync(couponId, resident, $"order-{resident}-{couponTypeId}", amount);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string[]> AlertKindsAsync(ClaimsApiFactory factory, string merchant, int expected) =>
        [.. (await AlertsAsync(factory, merchant, expected)).Select(a => a.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal)];

    // Risk control hears of redemptions after the till's answer: wait (up to a generous deadline)
    // until the alerts expected are in the book.
    private static async Task<JsonElement[]> AlertsAsync(ClaimsApiFactory factory, string merchant, int expected)
    {
        using var admin = factory.ClientFor(TestTokens.Operator());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var alerts = (await admin.GetFromJsonAsync<JsonElement>($"/admin/alerts?merchantId={merchant}", TestContext.Current.CancellationToken)).EnumerateArray().ToArray();
            if (alerts.Length >= expected || DateTime.UtcNow > deadline)
            {
                return alerts;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
