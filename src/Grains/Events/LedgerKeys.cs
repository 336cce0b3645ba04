namespace Claims.Grains.Events;

/// <summary>What the ledger files an event under.</summary>
public static class LedgerKeys
{
    /// <summary>The campaign an event belongs to; null for events about merchants.</summary>
    public static string? CampaignOf(ClaimsEvent e) => e switch
    {
        PoolEvent pool => pool.CampaignId,
        PoolAppended append => GrainKeys.ParsePool(append.PoolKey).CampaignId,
        CouponClaimed claimed => claimed.Coupon.CampaignId,
        CouponListed listed => listed.Coupon.CampaignId,
        CouponRedeemed redeemed => redeemed.Coupon.CampaignId,
        CouponRefunded refunded => refunded.Coupon.CampaignId,
        CouponReversed reversed => reversed.Coupon.CampaignId,
        CouponReviewed reviewed => reviewed.Coupon.CampaignId,
        CouponExpired expired => expired.Coupon.CampaignId,
        StockReallocated reallocated => reallocated.CampaignId,
        BlacklistChanged blacklist => blacklist.CampaignId,
        MemberListReplaced members => members.CampaignId,
        DrawHeld draw => draw.CampaignId,
        RoundRevised revised => revised.CampaignId,
        CampaignCreated created => created.Definition.Id,
        CampaignStatusChanged status => status.CampaignId,
        _ => null,
    };
}
