namespace Claims.Contracts;

/// <summary>Compound grain keys. Campaign, round, coupon type and industry ids never contain '/'.</summary>
public static class GrainKeys
{
    public static string Pool(string campaignId, string roundId, string couponTypeId) =>
        $"{campaignId}/{roundId}/{couponTypeId}";

    public static (string CampaignId, string RoundId, string CouponTypeId) ParsePool(string key)
    {
        var parts = key.Split('/');
        return (parts[0], parts[1], parts[2]);
    }

    /// <summary>A merchant's order; order ids never contain '/' either.</summary>
    public static string Order(string merchantId, string orderId) => $"{merchantId}/{orderId}";

    public static (string MerchantId, string OrderId) ParseOrder(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>The quota grain serving <paramref name="userId"/> in a campaign and scope.</summary>
    public static string Quota(string campaignId, string userId, string scope) =>
        $"{campaignId}/{scope}/{QuotaShards.Of(userId)}";

    public static (string CampaignId, string Scope, int Shard) ParseQuota(string key)
    {
        var parts = key.Split('/');
        return (parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
