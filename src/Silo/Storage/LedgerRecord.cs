using Claims.Grains.Events;
using Orleans.Serialization;

namespace Claims.Silo.Storage;

/// <summary>
/// How an event is filed in the ledger: its kind and campaign (empty for events about merchants) as columns to select by, and the
/// whole event in Orleans' binary format (several times cheaper to write than JSON, which
/// mattered in the rush; readers deserialize it with the same serializer).
/// </summary>
internal sealed record LedgerRecord(string EventId, string Kind, string CampaignId, DateTimeOffset OccurredAt, byte[] Payload)
{
    public static LedgerRecord Of(ClaimsEvent e, Serializer serializer) => new(
        e.EventId,
        e.GetType().Name,
        LedgerKeys.CampaignOf(e) ?? "",
        e.OccurredAt,
        serializer.SerializeToArray(e));
}
