using Npgsql;

namespace Claims.Silo.Storage.Postgres;

/// <summary>
/// Creates what Claims needs in a PostgreSQL database: the tables of Orleans' grain storage,
/// membership and reminders, the statements those providers look up by name, and the ledger.
/// Idempotent, and serialized by an advisory lock, so nodes or operators may run it at once.
/// </summary>
public static class PostgresSchema
{
    // Identifiers are unquoted: PostgreSQL folds them to lower case, which is also how Orleans'
    // own unquoted statements name them.
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS OrleansQuery (
            QueryKey varchar(64) NOT NULL PRIMARY KEY,
            QueryText text NOT NULL);

        CREATE TABLE IF NOT EXISTS OrleansStorage (
            GrainIdHash integer NOT NULL,
            GrainIdN0 bigint NOT NULL,
            GrainIdN1 bigint NOT NULL,
            GrainTypeHash integer NOT NULL,
            GrainTypeString text NOT NULL,
            GrainIdExtensionString text NULL,
            ServiceId text NOT NULL,
            PayloadBinary bytea NULL,
            ModifiedOn timestamptz NOT NULL,
            Version integer NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain ON OrleansStorage (
            ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, COALESCE(GrainIdExtensionString, ''));

        CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable (
            DeploymentId text NOT NULL PRIMARY KEY,
            Timestamp timestamptz NOT NULL DEFAULT now(),
            Version integer NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS OrleansMembershipTable (
            DeploymentId text NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
            Address text NOT NULL,
            Port integer NOT NULL,
            Generation integer NOT NULL,
            SiloName text NOT NULL,
            HostName text NOT NULL,
            Status integer NOT NULL,
            ProxyPort integer NULL,
            SuspectTimes text NULL,
            StartTime timestamptz NOT NULL,
            IAmAliveTime timestamptz NOT NULL,
            PRIMARY KEY (DeploymentId, Address, Port, Generation));

        CREATE TABLE IF NOT EXISTS OrleansRemindersTable (
            ServiceId text NOT NULL,
            GrainId text NOT NULL,
            ReminderName text NOT NULL,
            StartTime timestamptz NOT NULL,
            Period bigint NOT NULL,
            GrainHash integer NOT NULL,
            Version integer NOT NULL,
            PRIMARY KEY (ServiceId, GrainId, ReminderName));
        CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_Hash ON OrleansRemindersTable (ServiceId, GrainHash);
        """;

    /// <summary>Every statement the three Orleans providers look up in <c>OrleansQuery</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Queries =>
        PostgresStorageQueries.ByName.Concat(PostgresMembershipQueries.ByName).Concat(PostgresReminderQueries.ByName);

    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('claims-schema'));" + Tables + LedgerSchema.Postgres, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (key, text) in Queries)
        {
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;",
                connection,
                transaction);
            upsert.Parameters.AddWithValue("key", key);
            upsert.Parameters.AddWithValue("text", text);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
