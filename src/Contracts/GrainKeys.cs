namespace Claims.Contracts;

/// <summary>Compound grain keys. Campaign, round, coupon type and industry ids never contain '/'.</summary>
public static class GrainKeys
{
    public static string Pool(string campaignId, string roundId, string couponTypeId) =>
        $"{campaignId}/{roundId}/{couponTypeId}";

    /// <summary>One shard of a pool split into several (see <see cref="PoolShards"/>); a null shard is the pool that is not split.</summary>
    public static string Pool(string campaignId, string roundId, string couponTypeId, int? shard) => shard is { } k
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{campaignId}/{roundId}/{couponTypeId}/{k}")
        : Pool(campaignId, roundId, couponTypeId);

    /// <summary>The parts of a pool key; <c>Shard</c> is null for a pool that is not split.</summary>
    public static (string CampaignId, string RoundId, string CouponTypeId, int? Shard) ParsePool(string key)
    {
        var parts = key.Split('/');
        return (parts[0], parts[1], parts[2], parts.Length > 3 ? int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The draw of a draw round.</summary>
    public static string Draw(string campaignId, string roundId) => $"{campaignId}/{roundId}";

    public static (string CampaignId, string RoundId) ParseDraw(string key) => SplitAtFirstSlash(key);

    /// <summary>A merchant's order; order ids never contain '/' either.</summary>
    public static string Order(string merchantId, string orderId) => $"{merchantId}/{orderId}";

    public static (string MerchantId, string OrderId) ParseOrder(string key) => SplitAtFirstSlash(key);

    private static (string, string) SplitAtFirstSlash(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>The quota grain serving <paramref name="userId"/> in a campaign and scope, of the campaign's <paramref name="grains"/>.</summary>
    public static string Quota(string campaignId, string userId, string scope, int grains) =>
        Quota(campaignId, scope, QuotaShards.GrainOf(QuotaShards.Of(userId), grains));

    /// <summary>Quota grain number <paramref name="grain"/> of a campaign and scope.</summary>
    public static string Quota(string campaignId, string scope, int grain) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{campaignId}/{scope}/{grain}");

    public static (string CampaignId, string Scope, int Shard) ParseQuota(string key)
    {
        var parts = key.Split('/');
        return (parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
