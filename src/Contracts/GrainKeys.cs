namespace Claims.Contracts;

/// <summary>
/// Compound grain keys. Campaign, round, coupon type and industry ids never contain '/', so the
/// user id, which may, sits between them and is recovered whole.
/// </summary>
public static class GrainKeys
{
    public static string Pool(string campaignId, string roundId, string couponTypeId) =>
        $"{campaignId}/{roundId}/{couponTypeId}";

    public static (string CampaignId, string RoundId, string CouponTypeId) ParsePool(string key)
    {
        var parts = key.Split('/');
        return (parts[0], parts[1], parts[2]);
    }

    public static string Quota(string campaignId, string userId, string scope) =>
        $"{campaignId}/{userId}/{scope}";

    public static (string CampaignId, string UserId, string Scope) ParseQuota(string key)
    {
        var first = key.IndexOf('/');
        var last = key.LastIndexOf('/');
        return (key[..first], key[(first + 1)..last], key[(last + 1)..]);
    }
}
