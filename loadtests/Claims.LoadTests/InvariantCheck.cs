using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Claims.Contracts.Campaigns;

namespace Claims.LoadTests;

/// <summary>
/// Checks through the API, after the crowd has been answered, what must hold whatever the load:
/// no pool granted more than it had; a pool that refused anyone as sold out granted everything it
/// had; no coupon went to two residents; every granted coupon is in its owner's wallet and every
/// wallet holds only what was granted; and no resident holds more than a limit allows.
/// </summary>
public sealed class InvariantCheck(HttpClient http, CampaignDefinition campaign, ResidentTokens tokens, int? walletSample = null)
{
    /// <summary>How many winners' wallets the last run read.</summary>
    public int WalletsChecked { get; private set; }

    public async Task<IReadOnlyList<string>> RunAsync(Recorder recorder, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        var grants = recorder.Grants.ToList();
        await CheckPoolsAsync(recorder, grants, violations, cancellationToken);

        foreach (var shared in grants.GroupBy(g => g.CouponId).Where(g => g.Select(x => x.ResidentId).Distinct().Count() > 1))
        {
            violations.Add($"coupon {shared.Key} was granted to {string.Join(", ", shared.Select(g => g.ResidentId).Distinct())}");
        }

        // A soak's millions of winners would take hours to read one wallet at a time: a sample is
        // read instead, while the pools' counts and the coupons' owners are checked for every grant.
        var winners = grants.GroupBy(g => g.ResidentId).ToList();
        if (walletSample < winners.Count)
        {
            winners = [.. winners.OrderBy(_ => Random.Shared.Next()).Take(walletSample.Value)];
        }

        WalletsChecked = winners.Count;
        var wallets = new Dictionary<string, IReadOnlyList<WalletCoupon>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(winners, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (winner, ct) =>
        {
            var wallet = await WalletAsync(winner.Key, ct);
            lock (wallets)
            {
                wallets[winner.Key] = wallet;
            }
        });

        foreach (var winner in winners)
        {
            var held = wallets[winner.Key].Where(c => c.CampaignId == campaign.Id).ToList();
            var heldIds = held.Select(c => c.CouponId).ToHashSet(StringComparer.Ordinal);
            foreach (var missing in winner.Select(g => g.CouponId).Distinct().Where(id => !heldIds.Contains(id)))
            {
                violations.Add($"{winner.Key} was granted {missing}, which is not in their wallet");
            }

            var granted = winner.Select(g => g.CouponId).ToHashSet(StringComparer.Ordinal);
            if (!recorder.Unanswered.ContainsKey(winner.Key))
            {
                foreach (var extra in heldIds.Where(id => !granted.Contains(id)))
                {
                    violations.Add($"{winner.Key}'s wallet holds {extra}, which no answer granted");
                }
            }

            violations.AddRange(LimitCheck.Exceeded(campaign, winner.Key, held));
        }

        return violations;
    }

    private async Task CheckPoolsAsync(Recorder recorder, List<Grant> grants, List<string> violations, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"admin/campaigns/{campaign.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint("rehearsal-operator", "operator"));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var view = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var firstRound = Rehearsal.FirstRound(campaign).Id;
        foreach (var pool in view.GetProperty("pools").EnumerateArray().Where(p => p.GetProperty("roundId").GetString() == firstRound))
        {
            var type = pool.GetProperty("couponTypeId").GetString()!;
            var (granted, capacity) = (pool.GetProperty("granted").GetInt32(), pool.GetProperty("capacity").GetInt32());
            var seen = grants.Where(g => g.CouponTypeId == type).Select(g => g.CouponId).Distinct().Count();
            if (granted > capacity || seen > capacity)
            {
                violations.Add($"{type}: oversold, {Math.Max(granted, seen)} granted of {capacity}");
            }

            if (recorder.SoldOutAt.ContainsKey(type) && granted < capacity)
            {
                violations.Add($"{type}: residents were refused sold_out while {capacity - granted} of {capacity} remained");
            }

            if (seen > granted)
            {
                violations.Add($"{type}: {seen} coupons answered granted, the pool counts {granted}");
            }
        }
    }

    private async Task<IReadOnlyList<WalletCoupon>> WalletAsync(string residentId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "me/coupons");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint(residentId, "resident"));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<WalletCoupon[]>(JsonSerializerOptions.Web, cancellationToken) ?? [];
    }
}
