using System.Text.Json;
using Claims.Contracts.Claims;
using Claims.Contracts.Pools;
using Claims.Contracts.Reports;
using Claims.LoadTests;

namespace Claims.Api.Tests.Histories;

/// <summary>
/// Judges a run from its history and the state Claims shows afterwards: no answer 500, every 429
/// and 503 saying when to retry. First every key left
/// uncertain is resent until it gets a final answer, as a client that never heard back would;
/// then, against the pools, the wallets, the ledger, the settlement and the reconciliation:
/// no pool granted more than it had, no coupon went to two residents or was answered for two keys,
/// nobody is over a limit, every coupon answered is in its owner's wallet and in the ledger once
/// and nothing else is, each fund granted no more than its budget and paid exactly the redemptions
/// not refunded, a coupon was redeemed by at most one order and a refund counted at most once.
/// </summary>
public sealed class HistoryChecker(HistoryCalls calls, ApiNode node, Func<Task<IReadOnlyList<string>>> ledgerCouponIds)
{
    private readonly CampaignDefinition _campaign = calls.Campaign;

    public async Task<HistoryVerdict> CheckAsync()
    {
        var sent = calls.History.Operations;
        var uncertainKeys = sent.Where(o => !o.IsFinal).Select(o => (o.Kind, o.Resident, o.Key)).Distinct().ToList();
        var unresolved = await ResolveAsync(sent);
        var operations = calls.History.Operations;
        var violations = new List<string>();
        violations.AddRange(operations.Where(o => o.Status == 500).Select(o => $"{o.Kind} {o.Key} on {o.Node} answered {o.Status} {o.Code}"));
        violations.AddRange(operations.Where(o => o.Status is 429 or 503 && !o.RetryAfter).Select(o => $"{o.Kind} {o.Key} on {o.Node} answered {o.Status} without saying when to retry"));
        violations.AddRange(unresolved.Select(o => $"{o.Kind} {o.Key} got no final answer, even resent"));

        var claims = operations.Where(o => o is { Kind: OperationKind.Claim, Outcome: OperationOutcome.Done }).ToList();
        violations.AddRange(claims.GroupBy(o => (o.Resident, o.Key)).Where(k => k.Select(o => o.CouponId).Distinct().Count() > 1)
            .Select(k => $"{k.Key.Resident}'s claim {k.Key.Key} was answered with {string.Join(" and ", k.Select(o => o.CouponId).Distinct())}"));
        violations.AddRange(claims.GroupBy(o => o.CouponId!).Where(c => c.Select(o => o.Resident).Distinct().Count() > 1)
            .Select(c => $"coupon {c.Key} was granted to {string.Join(" and ", c.Select(o => o.Resident).Distinct())}"));

        var granted = claims.DistinctBy(o => o.CouponId).ToList();
        var redeemed = Final(operations, OperationKind.Redeem);
        var refunded = Final(operations, OperationKind.Refund);
        violations.AddRange(redeemed.GroupBy(o => o.Subject).Where(c => c.Count() > 1)
            .Select(c => $"coupon {c.Key} was redeemed by orders {string.Join(", ", c.Select(o => o.Key))}"));

        await CheckPoolsAsync(granted, refunded, violations);
        await CheckWalletsAsync(operations, granted, violations);
        CheckLedger(granted, await ledgerCouponIds(), violations);
        await CheckMoneyAsync(granted, redeemed, refunded, violations);
        return new(sent.Count, sent.Count(o => !o.IsFinal), uncertainKeys.Count, uncertainKeys.Count - unresolved.Count, violations);
    }

    private static List<Operation> Final(IReadOnlyList<Operation> operations, OperationKind kind) =>
        [.. operations.Where(o => o.Kind == kind && o.Outcome == OperationOutcome.Done).DistinctBy(o => o.Key)];

    private async Task<IReadOnlyList<Operation>> ResolveAsync(IReadOnlyList<Operation> sent)
    {
        var open = sent.GroupBy(o => (o.Kind, o.Resident, o.Key)).Where(k => !k.Any(o => o.IsFinal)).Select(k => k.Last()).ToList();
        var unresolved = new List<Operation>();
        await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (operation, _) =>
        {
            var last = await calls.UntilFinalAsync(n => calls.ResendAsync(n, operation), node, node);
            if (!last.IsFinal)
            {
                lock (unresolved)
                {
                    unresolved.Add(last);
                }
            }
        });
        return unresolved;
    }

    private async Task CheckPoolsAsync(List<Operation> granted, List<Operation> refunded, List<string> violations)
    {
        var view = await GetAsync<JsonElement>(TestTokens.Operator(), $"/admin/campaigns/{_campaign.Id}");
        var pools = view.GetProperty("pools").Deserialize<PoolStock[]>(JsonSerializerOptions.Web)!;
        foreach (var pool in pools)
        {
            var answered = granted.Count(o => Address(o.CouponId!) is var a && (a.RoundId, a.CouponTypeId) == (pool.RoundId, pool.CouponTypeId));
            var returned = refunded.Count(o => Address(o.Subject) is var a && (a.RoundId, a.CouponTypeId) == (pool.RoundId, pool.CouponTypeId));
            if (pool.Granted > pool.Capacity)
            {
                violations.Add($"{pool.RoundId}/{pool.CouponTypeId}: oversold, {pool.Granted} granted of {pool.Capacity}");
            }

            if (answered != pool.Granted)
            {
                violations.Add($"{pool.RoundId}/{pool.CouponTypeId}: {answered} coupons answered granted, the pool counts {pool.Granted}");
            }

            if (returned != pool.Refunded)
            {
                violations.Add($"{pool.RoundId}/{pool.CouponTypeId}: {returned} orders refunded, the pool took back {pool.Refunded}");
            }
        }
    }

    private async Task CheckWalletsAsync(IReadOnlyList<Operation> operations, List<Operation> granted, List<string> violations)
    {
        var residents = operations.Where(o => o.Kind == OperationKind.Claim).Select(o => o.Resident).Distinct().ToList();
        var wallets = new Dictionary<string, WalletCoupon[]>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(residents, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (resident, _) =>
        {
            var wallet = await GetAsync<WalletCoupon[]>(TestTokens.Resident(resident), "/me/coupons");
            lock (wallets)
            {
                wallets[resident] = [.. wallet.Where(c => c.CampaignId == _campaign.Id)];
            }
        });

        foreach (var resident in residents)
        {
            var held = wallets[resident];
            var answered = granted.Where(o => o.Resident == resident).Select(o => o.CouponId!).ToHashSet(StringComparer.Ordinal);
            violations.AddRange(answered.Where(id => held.All(c => c.CouponId != id)).Select(id => $"{resident} was granted {id}, which is not in their wallet"));
            violations.AddRange(held.Where(c => !answered.Contains(c.CouponId)).Select(c => $"{resident}'s wallet holds {c.CouponId}, which no answer granted"));
            violations.AddRange(LimitCheck.Exceeded(_campaign, resident, held));
        }

        violations.AddRange(wallets.SelectMany(w => w.Value.Select(c => (c.CouponId, Resident: w.Key))).GroupBy(c => c.CouponId)
            .Where(c => c.Count() > 1).Select(c => $"coupon {c.Key} is in the wallets of {string.Join(" and ", c.Select(x => x.Resident))}"));
    }

    private static void CheckLedger(List<Operation> granted, IReadOnlyList<string> ledger, List<string> violations)
    {
        var counts = ledger.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var coupon in granted.Select(o => o.CouponId!))
        {
            var times = counts.GetValueOrDefault(coupon);
            if (times != 1)
            {
                violations.Add($"{coupon} was answered granted and is in the ledger {times} times");
            }
        }

        var answered = granted.Select(o => o.CouponId!).ToHashSet(StringComparer.Ordinal);
        violations.AddRange(counts.Keys.Where(id => !answered.Contains(id)).Select(id => $"the ledger grants {id}, which no answer granted"));
    }

    private async Task CheckMoneyAsync(List<Operation> granted, List<Operation> redeemed, List<Operation> refunded, List<string> violations)
    {
        var settlement = await GetAsync<Settlement>(TestTokens.Operator(), $"/admin/campaigns/{_campaign.Id}/settlement");
        var refundedOrders = refunded.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var fund in settlement.Funds)
        {
            var grantedValue = granted.Where(o => FundOf(o.CouponId!) == fund.Fund).Sum(o => ValueOf(o.CouponId!));
            var owed = redeemed.Where(o => FundOf(o.Subject) == fund.Fund && !refundedOrders.Contains(o.Key)).Sum(o => ValueOf(o.Subject));
            if (grantedValue > fund.Budget)
            {
                violations.Add($"fund {fund.Fund} granted {grantedValue} of a budget of {fund.Budget}");
            }

            if (fund.Paid != owed)
            {
                violations.Add($"fund {fund.Fund} pays {fund.Paid}, the redemptions not refunded come to {owed}");
            }
        }

        var reconciliation = await GetAsync<Reconciliation>(TestTokens.Operator(), $"/admin/campaigns/{_campaign.Id}/reconciliation");
        violations.AddRange(reconciliation.Differences.Select(d => $"reconciliation: {d.Measure} of {d.RoundId}/{d.CouponTypeId} is {d.Ledger} in the ledger and {d.Other} elsewhere"));
    }

    private static CouponAddress Address(string couponId) =>
        CouponIds.TryParse(couponId, out var address) ? address : throw new InvalidOperationException($"{couponId} is not a coupon id");

    private string FundOf(string couponId) => _campaign.Rounds.Single(r => r.Id == Address(couponId).RoundId).Fund;

    private decimal ValueOf(string couponId) => _campaign.FindCouponType(Address(couponId).CouponTypeId)!.FaceValue;

    // A read that meets a grain still recovering answers 503 with a retry hint: retry it.
    private async Task<T> GetAsync<T>(string token, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var client = node.ClientFor(token);
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 40)
            {
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, TestContext.Current.CancellationToken))!;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
