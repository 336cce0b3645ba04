namespace Claims.Api.Tests.Histories;

/// <summary>A fault run's set-up and verdict: a fresh campaign and merchant, the rush, and the checker's judgment.</summary>
public static class FaultRun
{
    public static async Task<(HistoryCalls Calls, FaultRush Rush)> OpenAsync(ClaimsProcess node, int stock, int residents, DateTimeOffset? opensAt = null)
    {
        var calls = await CreateAsync(node, ApiCampaigns.Open(stock: stock, opensAt: opensAt));
        return (calls, new FaultRush(calls, stock, residents));
    }

    /// <summary>Creates <paramref name="campaign"/> and a merchant approved to redeem its coupons through <paramref name="node"/>.</summary>
    public static async Task<HistoryCalls> CreateAsync(ClaimsProcess node, CampaignDefinition campaign)
    {
        using var operatorClient = node.ClientFor(TestTokens.Operator());
        var created = await operatorClient.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccessStatusCode, $"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}\n{node.RecentOutput}");
        return new HistoryCalls(campaign, await operatorClient.ApprovedMerchantAsync());
    }

    /// <summary>
    /// Checks the history through <paramref name="node"/>, writes its figures to the test's
    /// output, and fails on any violation, with the last lines of every node's log.
    /// </summary>
    public static async Task<HistoryVerdict> AssertHeldAsync(HistoryCalls calls, ClaimsProcess node, Func<Task<IReadOnlyList<string>>> ledgerCouponIds, params ClaimsProcess[] nodes)
    {
        var verdict = await new HistoryChecker(calls, ApiNode.Of(node), ledgerCouponIds).CheckAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(verdict.ToString());
        Assert.True(verdict.Violations.Count == 0, $"{verdict}\n{string.Join("\n", nodes.Select(n => $"node {n.Address.Port}:\n{n.RecentOutput}"))}");
        return verdict;
    }
}
