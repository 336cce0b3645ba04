namespace Claims.Api.Tests.Histories;

/// <summary>
/// The history checker passes a run on the real API that kept every invariant, and reports each
/// fault planted in a stand-in: a coupon granted twice, a 201 whose grant was never stored, an oversell.
/// </summary>
public sealed class HistoryCheckerTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task ARunOnTheRealApiWithRedemptionsAndRefundsKeepsEveryInvariant()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 10));
        using var admin = factory.ClientFor(TestTokens.Operator());
        var calls = new HistoryCalls(campaign, await admin.ApprovedMerchantAsync());
        var node = new ApiNode("in-process", factory.ClientFor);

        await RushAsync(calls, node);
        var granted = calls.History.Operations.Where(o => o.Kind == OperationKind.Claim && o.Outcome == OperationOutcome.Done).DistinctBy(o => o.CouponId).ToList();
        foreach (var (grant, i) in granted.Take(4).Select((g, i) => (g, i)))
        {
            await calls.RedeemAsync(node, grant.Resident, $"order-{i}", grant.CouponId!);
            await calls.RedeemAsync(node, grant.Resident, $"order-{i}", grant.CouponId!);
        }

        await calls.RefundAsync(node, granted[0].Resident, "order-0", granted[0].CouponId!);
        await calls.RefundAsync(node, granted[0].Resident, "order-0", granted[0].CouponId!);
        var verdict = await new HistoryChecker(calls, node, () => Task.FromResult(LedgerRows.ClaimedCouponIds(LedgerRows.ReadSqlite(factory.DatabasePath, campaign)))).CheckAsync();

        Assert.Equal(10, granted.Count);
        Assert.True(verdict.Violations.Count == 0, verdict.ToString());
    }

    [Theory]
    [InlineData(PlantedFault.GrantsOneCouponTwice, "was granted to r-")]
    [InlineData(PlantedFault.GrantsOneCouponTwice, "is in the wallets of r-")]
    [InlineData(PlantedFault.LosesAGrant, "which is not in their wallet")]
    [InlineData(PlantedFault.LosesAGrant, "is in the ledger 0 times")]
    [InlineData(PlantedFault.LosesAGrant, "coupons answered granted, the pool counts")]
    [InlineData(PlantedFault.GrantsPastStock, "oversold")]
    public async Task APlantedFaultIsReported(PlantedFault fault, string violation)
    {
        var checker = await PlantedAsync(fault);

        var verdict = await checker.CheckAsync();

        Assert.Contains(verdict.Violations, v => v.Contains(violation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheStandInWithoutAFaultPasses()
    {
        var checker = await PlantedAsync(PlantedFault.None);

        var verdict = await checker.CheckAsync();

        Assert.True(verdict.Violations.Count == 0, verdict.ToString());
    }

    private static async Task<HistoryChecker> PlantedAsync(PlantedFault fault)
    {
        var campaign = ApiCampaigns.Open(stock: 10);
        var api = new PlantedFaultApi(campaign, fault);
        var node = new ApiNode("planted", token => new HttpClient(api, disposeHandler: false)
        {
            BaseAddress = new Uri("http://claims.test/"),
            DefaultRequestHeaders = { Authorization = new("Bearer", token) },
        });
        var calls = new HistoryCalls(campaign, "m-planted");
        await RushAsync(calls, node);
        return new HistoryChecker(calls, node, () => Task.FromResult(api.Ledger));
    }

    // Fourteen residents for ten coupons, all at once; the first taps twice with two keys and
    // replays one of them.
    private static async Task RushAsync(HistoryCalls calls, ApiNode node)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var taps = Enumerable.Range(0, 15).Select(async i =>
        {
            await start.Task;
            return await calls.ClaimAsync(node, i == 14 ? "r-0" : $"r-{i}", i == 14 ? "tap-b" : "tap-a", FaultRush.CouponTypeId);
        }).ToList();
        start.SetResult();
        await Task.WhenAll(taps);
        await calls.ClaimAsync(node, "r-0", "tap-a", FaultRush.CouponTypeId);
    }
}
