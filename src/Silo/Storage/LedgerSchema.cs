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

    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS ClaimsLedger (
            Position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            EventId text NOT NULL UNIQUE,
            Kind text NOT NULL,
            CampaignId text NULL,
            OccurredAt timestamptz NOT NULL,
            RecordedAt timestamptz NOT NULL DEFAULT now(),
            Payload bytea NOT NULL);
        CREATE INDEX IF NOT EXISTS IX_ClaimsLedger_Campaign ON ClaimsLedger (CampaignId, Kind);
        """;

    // One statement per batch: the rows travel as five arrays, unnested in order.
    public const string PostgresInsert = """
        INSERT INTO ClaimsLedger (EventId, Kind, CampaignId, OccurredAt, Payload)
        SELECT * FROM unnest(@eventIds, @kinds, @campaignIds, @occurredAts, @payloads)
        ON CONFLICT (EventId) DO NOTHING;
        """;

    public const string PostgresReadCampaign = "SELECT Payload FROM ClaimsLedger WHERE CampaignId = @campaignId ORDER BY Position;";

    public const string SqliteInsert = """
        INSERT INTO ClaimsLedger (EventId, Kind, CampaignId, OccurredAt, RecordedAt, Payload)
        VALUES ($eventId, $kind, $campaignId, $occurredAt, $recordedAt, $payload)
        ON CONFLICT (EventId) DO NOTHING;
        """;

    public const string SqliteReadCampaign = "SELECT Payload FROM ClaimsLedger WHERE CampaignId = $campaignId ORDER BY Position;";
}
