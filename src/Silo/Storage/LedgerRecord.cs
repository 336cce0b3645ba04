using Claims.Grains.Events;
using Orleans.Serialization;

namespace Claims.Silo.Storage;

/// <summary>
/// How an event is filed in the ledger: its kind and campaign as columns to select by, and the
/// whole event in Orleans' binary format (several times cheaper to write than JSON, which
/// mattered in the rush; readers deserialize it with the same serializer).
/// </summary>
internal sealed record LedgerRecord(string EventId, string Kind, string? CampaignId, DateTimeOffset OccurredAt, byte[] Payload)
{
    public static LedgerRecord Of(ClaimsEvent e, Serializer serializer) => new(
        e.EventId,
        e.GetType().Name,
        e switch
        {
            PoolEvent pool => pool.CampaignId,
            CouponClaimed claimed => claimed.Coupon.CampaignId,
            CouponListed listed => listed.Coupon.CampaignId,
            CouponRedeemed redeemed => redeemed.Coupon.CampaignId,
            CouponRefunded refunded => refunded.Coupon.CampaignId,
            CouponExpired expired => expired.Coupon.CampaignId,
            StockReallocated reallocated => reallocated.CampaignId,
            CampaignCreated created => created.Definition.Id,
            CampaignStatusChanged status => status.CampaignId,
            _ => null,
        },
        e.OccurredAt,
        serializer.SerializeToArray(e));
}
