using System.Globalization;
using System.Text;
using Claims.Contracts.Reports;
using Claims.Grains.Events;

namespace Claims.Grains.Reports;

/// <summary>
/// Draws an audit sample from the ledger's redemptions, stratified by merchant: each merchant
/// gives the fraction of its own redemptions, rounded up, so every merchant appears and the whole
/// is at least the fraction. Records are ranked by a hash of the seed and the event id, which
/// depends on nothing else (not the runtime's random generator), so a seed draws the same rows on
/// any machine, any version, for as long as the ledger holds them.
/// </summary>
public static class AuditSampleBuilder
{
    public static IReadOnlyList<AuditRecord> Build(CampaignDefinition campaign, IReadOnlyList<ClaimsEvent> ledger, decimal fraction, int seed)
    {
        var fundOfRound = campaign.Rounds.ToDictionary(r => r.Id, r => r.Fund, StringComparer.Ordinal);
        var refunded = ledger.OfType<CouponRefunded>().Select(r => $"{r.MerchantId}/{r.Receipt.OrderId}").ToHashSet(StringComparer.Ordinal);
        var reversed = ledger.OfType<CouponReversed>().Select(r => $"{r.Receipt.MerchantId}/{r.Receipt.OrderId}").ToHashSet(StringComparer.Ordinal);
        var reviewed = ledger.OfType<CouponReviewed>().ToDictionary(r => $"{r.MerchantId}/{r.OrderId}", r => r.Review.Status, StringComparer.Ordinal);
        return [.. ledger.OfType<CouponRedeemed>()
            .GroupBy(r => r.Receipt.MerchantId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(merchant => merchant
                .OrderBy(r => Rank(seed, r.EventId))
                .Take((int)Math.Ceiling(merchant.Count() * fraction)))
            .Select(r => new AuditRecord(
                r.Receipt.MerchantId,
                r.Receipt.OrderId,
                r.Coupon.CouponId,
                r.Coupon.OwnerId,
                r.Coupon.RoundId,
                fundOfRound[r.Coupon.RoundId],
                r.Coupon.CouponTypeId,
                r.Receipt.OrderAmount,
                r.Receipt.Discount,
                r.Receipt.Payable,
                r.Receipt.RedeemedAt,
                refunded.Contains($"{r.Receipt.MerchantId}/{r.Receipt.OrderId}"),
                reversed.Contains($"{r.Receipt.MerchantId}/{r.Receipt.OrderId}"),
                r.Receipt.Review is null ? null : reviewed.GetValueOrDefault($"{r.Receipt.MerchantId}/{r.Receipt.OrderId}", r.Receipt.Review.Value),
                r.Coupon.ClaimRegion,
                r.Receipt.RegionCode))];
    }

    // FNV-1a over the UTF-8 of "seed:eventId".
    private static ulong Rank(int seed, string eventId)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{eventId}")))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
