using Claims.Contracts.Campaigns;

using System.Globalization;

namespace Claims.Contracts.Claims;

/// <summary>
/// Coupon ids name the pool that granted the coupon and its place in that pool's grants:
/// <c>campaign.round.couponType.sequence</c>. Ids of campaigns, rounds and coupon types never
/// contain '.', so a coupon id always leads back to its pool without a lookup.
/// </summary>
public static class CouponIds
{
    public static string Format(string campaignId, string roundId, string couponTypeId, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{campaignId}.{roundId}.{couponTypeId}.{sequence}");

    public static bool TryParse(string? couponId, out CouponAddress address)
    {
        address = default;
        var parts = couponId?.Split('.');
        if (parts is not { Length: 4 }
            || !parts[..3].All(CampaignValidator.IsValidId)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1)
        {
            return false;
        }

        address = new(parts[0], parts[1], parts[2], sequence);
        return true;
    }
}
