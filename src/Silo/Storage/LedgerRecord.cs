using System.Text.Json;
using Claims.Contracts.Campaigns;
using Claims.Grains.Events;

namespace Claims.Silo.Storage;

/// <summary>How an event is filed in the ledger: its kind, the campaign it belongs to, and its JSON.</summary>
internal sealed record LedgerRecord(string EventId, string Kind, string? CampaignId, DateTimeOffset OccurredAt, string Payload)
{
    public static LedgerRecord Of(ClaimsEvent e) => new(
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
        JsonSerializer.Serialize(e, e.GetType(), CampaignJson.Options));
}
