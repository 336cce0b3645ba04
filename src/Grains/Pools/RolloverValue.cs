namespace Claims.Grains.Pools;

/// <summary>
/// What a pool receives from another, in its own coupons. A pool passes on a running total of
/// its own coupons; one of another type (a close routed across industries) is taken value for
/// value, rounded down to whole coupons: the fraction of a coupon stays with the fund.
/// </summary>
internal static class RolloverValue
{
    public static int Coupons(CampaignDefinition campaign, string fromPoolKey, CouponTypeDefinition into, int total)
    {
        var from = GrainKeys.ParsePool(fromPoolKey).CouponTypeId;
        return from == into.Id || campaign.FindCouponType(from) is not { } type
            ? total
            : (int)Math.Floor(total * type.FaceValue / into.FaceValue);
    }
}
