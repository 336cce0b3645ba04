using Claims.Contracts.Campaigns;

using System.Globalization;

namespace Claims.Contracts.Claims;

/// <summary>
/// Coupon ids name the pool that granted the coupon and its place in that pool's grants:
/// <c>campaign.round.couponType.sequence</c>, or <c>campaign.round.couponType.shard.sequence</c>
/// from a pool split into shards. Ids of campaigns, rounds and coupon types never
/// contain '.', so a coupon id always leads back to its pool without a lookup.
/// </summary>
public static class CouponIds
{
    public static string Format(string campaignId, string roundId, string couponTypeId, int? shard, int sequence) =>
        shard is { } k
            ? string.Create(CultureInfo.InvariantCulture, $"{campaignId}.{roundId}.{couponTypeId}.{k}.{sequence}")
            : string.Create(CultureInfo.InvariantCulture, $"{campaignId}.{roundId}.{couponTypeId}.{sequence}");

    public static bool TryParse(string? couponId, out CouponAddress address)
    {
        address = default;
        var parts = couponId?.Split('.');
        if (parts is not { Length: 4 or 5 }
            || !parts[..3].All(CampaignValidator.IsValidId)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1)
        {
            return false;
        }

        int? shard = null;
        if (parts.Length == 5)
        {
            if (!int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k >= PoolShards.Max)
            {
                return false;
            }

            shard = k;
        }

        address = new(parts[0], parts[1], parts[2], shard, sequence);
        return true;
    }
}
