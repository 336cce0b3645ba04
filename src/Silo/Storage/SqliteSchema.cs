using Microsoft.Data.Sqlite;

namespace Claims.Silo.Storage;

/// <summary>Creates the tables and named queries grain storage, reminders and the ledger need; safe to run on every start.</summary>
public static class SqliteSchema
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS OrleansQuery (
            QueryKey TEXT NOT NULL PRIMARY KEY,
            QueryText TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS OrleansStorage (
            GrainIdHash INTEGER NOT NULL,
            GrainIdN0 INTEGER NOT NULL,
            GrainIdN1 INTEGER NOT NULL,
            GrainTypeHash INTEGER NOT NULL,
            GrainTypeString TEXT NOT NULL,
            GrainIdExtensionString TEXT NULL,
            ServiceId TEXT NOT NULL,
            PayloadBinary BLOB NULL,
            ModifiedOn TEXT NOT NULL,
            Version INTEGER NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain ON OrleansStorage (
            ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, IFNULL(GrainIdExtensionString, ''));
        CREATE TABLE IF NOT EXISTS ClaimsReminders (
            ServiceId TEXT NOT NULL,
            GrainId TEXT NOT NULL,
            ReminderName TEXT NOT NULL,
            StartAt INTEGER NOT NULL,
            PeriodMs INTEGER NOT NULL,
            GrainHash INTEGER NOT NULL,
            Version INTEGER NOT NULL,
            PRIMARY KEY (ServiceId, GrainId, ReminderName));
        CREATE INDEX IF NOT EXISTS IX_ClaimsReminders_Hash ON ClaimsReminders (ServiceId, GrainHash);
        """;

    public static void Apply(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        using var connection = new TunedSqliteConnection(ConnectionString(databasePath));
        connection.Open();

        // WAL is a property of the file, set once and kept; it cannot be switched inside a transaction.
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = Tables + LedgerSchema.Sqlite;
            create.ExecuteNonQuery();
        }

        foreach (var (key, text) in SqliteStorageQueries.ByName)
        {
            using var upsert = connection.CreateCommand();
            upsert.CommandText = "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ($key, $text) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;";
            upsert.Parameters.AddWithValue("$key", key);
            upsert.Parameters.AddWithValue("$text", text);
            upsert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public static string ConnectionString(string databasePath) =>
        new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
}
