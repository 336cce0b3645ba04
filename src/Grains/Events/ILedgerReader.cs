namespace Claims.Grains.Events;

/// <summary>Reads back what the ledger recorded, for reports.</summary>
public interface ILedgerReader
{
    /// <summary>Every event of the campaign, in the order the ledger recorded them.</summary>
    Task<IReadOnlyList<ClaimsEvent>> ReadAsync(string campaignId);
}
