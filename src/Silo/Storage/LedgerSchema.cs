namespace Claims.Silo.Storage;

/// <summary>
/// The ledger: every event, once, in the order it reached the database. An event belongs to one
/// campaign (<c>''</c> for events about merchants), so one unique index on (<c>CampaignId</c>,
/// <c>EventId</c>) both makes a redelivered event insert nothing and finds a campaign's rows: each
/// index is another B-tree every row of the rush writes to. <c>Position</c> orders rows for
/// readers that follow it; rows are never deleted, so the rowid alone keeps growing and
/// <c>AUTOINCREMENT</c> would add a write to <c>sqlite_sequence</c> per row for nothing.
/// <c>OccurredAt</c> is milliseconds since the Unix epoch in SQLite, cheaper to write than text.
/// A pool's journal is the range of its event ids (<c>pool:{poolKey}#{version}</c>) in the same
/// index, compared byte by byte (PostgreSQL's ids are in the C collation for that), and the
/// unique key is what makes an append conditional on its version.
/// </summary>
internal static class LedgerSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS ClaimsLedger (
            Position INTEGER PRIMARY KEY,
            CampaignId TEXT NOT NULL,
            EventId TEXT NOT NULL,
            Kind TEXT NOT NULL,
            OccurredAt INTEGER NOT NULL,
            RecordedAt INTEGER NOT NULL,
            Payload BLOB NOT NULL,
            UNIQUE (CampaignId, EventId));
        """;

    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS ClaimsLedger (
            Position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            CampaignId text COLLATE "C" NOT NULL,
            EventId text COLLATE "C" NOT NULL,
            Kind text NOT NULL,
            OccurredAt timestamptz NOT NULL,
            RecordedAt timestamptz NOT NULL DEFAULT now(),
            Payload bytea NOT NULL,
            UNIQUE (CampaignId, EventId));
        """;

    // One statement per batch: the rows travel as five arrays, unnested in order.
    public const string PostgresInsert = """
        INSERT INTO ClaimsLedger (EventId, Kind, CampaignId, OccurredAt, Payload)
        SELECT * FROM unnest(@eventIds, @kinds, @campaignIds, @occurredAts, @payloads)
        ON CONFLICT (CampaignId, EventId) DO NOTHING
        RETURNING CampaignId, EventId;
        """;

    public const string PostgresReadCampaign = "SELECT Payload FROM ClaimsLedger WHERE CampaignId = @campaignId ORDER BY Position;";

    public const string PostgresReadRange = "SELECT Payload FROM ClaimsLedger WHERE CampaignId = @campaignId AND EventId > @after AND EventId < @before ORDER BY EventId;";

    // Bound by number: see the Sqlite* positions below.
    public const string SqliteInsert = """
        INSERT INTO ClaimsLedger (CampaignId, EventId, Kind, OccurredAt, RecordedAt, Payload)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (CampaignId, EventId) DO NOTHING;
        """;

    public const int SqliteCampaignId = 1;
    public const int SqliteEventId = 2;
    public const int SqliteKind = 3;
    public const int SqliteOccurredAt = 4;
    public const int SqliteRecordedAt = 5;
    public const int SqlitePayload = 6;

    public const string SqliteReadCampaign = "SELECT Payload FROM ClaimsLedger WHERE CampaignId = $campaignId ORDER BY Position;";

    public const string SqliteReadRange = "SELECT Payload FROM ClaimsLedger WHERE CampaignId = $campaignId AND EventId > $after AND EventId < $before ORDER BY EventId;";
}
