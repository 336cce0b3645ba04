namespace Claims.Api.Tests.Histories;

/// <summary>A fault run's set-up and verdict: a fresh campaign and merchant, the rush, and the checker's judgment.</summary>
public static class FaultRun
{
    public static async Task<(HistoryCalls Calls, FaultRush Rush)> OpenAsync(ClaimsProcess node, int stock, int residents, DateTimeOffset? opensAt = null)
    {
        using var operatorClient = node.ClientFor(TestTokens.Operator());
        var campaign = ApiCampaigns.Open(stock: stock, opensAt: opensAt);
        (await operatorClient.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var calls = new HistoryCalls(campaign, await operatorClient.ApprovedMerchantAsync());
        return (calls, new FaultRush(calls, stock, residents));
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
