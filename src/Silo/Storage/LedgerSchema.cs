namespace Claims.Silo.Storage;

/// <summary>
/// The ledger: every event, once, in the order it reached the database. <c>EventId</c> is unique,
/// so a redelivered event inserts nothing; <c>Position</c> orders rows for readers that follow it.
/// Rows are never deleted, so the rowid alone keeps growing: <c>AUTOINCREMENT</c> would add a
/// write to <c>sqlite_sequence</c> per row for nothing.
/// </summary>
internal static class LedgerSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS ClaimsLedger (
            Position INTEGER PRIMARY KEY,
            EventId TEXT NOT NULL UNIQUE,
            Kind TEXT NOT NULL,
            CampaignId TEXT NULL,
            OccurredAt TEXT NOT NULL,
            RecordedAt TEXT NOT NULL,
            Payload BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS IX_ClaimsLedger_Campaign ON ClaimsLedger (CampaignId, Kind);
        """;

    public const string Insert = """
        INSERT INTO ClaimsLedger (EventId, Kind, CampaignId, OccurredAt, RecordedAt, Payload)
        VALUES ($eventId, $kind, $campaignId, $occurredAt, $recordedAt, $payload)
        ON CONFLICT (EventId) DO NOTHING;
        """;

    public const string ReadCampaign = "SELECT Payload FROM ClaimsLedger WHERE CampaignId = $campaignId ORDER BY Position;";
}
