using Claims.Contracts.Campaigns;

namespace Claims.LoadTests;

/// <summary>The campaign's limits applied to what a resident holds, counted as the pools count them.</summary>
public static class LimitCheck
{
    /// <summary>One line for each limit the coupons <paramref name="held"/> by <paramref name="residentId"/> exceed.</summary>
    public static IEnumerable<string> Exceeded(CampaignDefinition campaign, string residentId, IReadOnlyList<WalletCoupon> held)
    {
        var phases = campaign.Rounds.ToDictionary(r => r.Id, r => r.PhaseKey, StringComparer.Ordinal);
        foreach (var limit in campaign.Limits ?? [])
        {
            var counted = held.Where(c => limit.Concerns(c.Industry)).GroupBy(c => (
                Period: limit.Per switch { LimitPeriod.Round => c.RoundId, LimitPeriod.Phase => phases.GetValueOrDefault(c.RoundId, ""), _ => "" },
                Group: limit.GroupBy switch { LimitGrouping.Industry => c.Industry, LimitGrouping.CouponType => c.CouponTypeId, _ => "" }));
            foreach (var over in counted.Where(g => g.Count() > limit.Max))
            {
                yield return $"{residentId} holds {over.Count()} coupons where the limit is {limit.Max} per {limit.Per} and {limit.GroupBy} ({over.Key.Period} {over.Key.Group})";
            }
        }
    }
}
