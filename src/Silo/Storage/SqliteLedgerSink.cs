using Claims.Client.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using SQLitePCL;

namespace Claims.Silo.Storage;

/// <summary>
/// The ledger in the SQLite file that holds grain state: one transaction per batch, one prepared
/// insert stepped once per row. The insert goes to SQLite directly rather than through the ADO.NET
/// command: for rows this small the command's per-execution work (a data reader, parameters
/// looked up by name, handles counted in and out) cost as much as SQLite's own, in the rush.
/// </summary>
internal sealed class SqliteLedgerSink(IOptions<ClaimsStorageOptions> storage, SqliteWriterGate gate, Serializer serializer, ClaimsMetrics metrics, ILogger<SqliteLedgerSink> logger)
    : BatchingLedgerSink(serializer, metrics, logger)
{
    private readonly string _connectionString = SqliteSchema.ConnectionString(storage.Value.SqlitePath);

    protected override bool[] Insert(IReadOnlyList<LedgerRecord> records)
    {
        var inserted = new bool[records.Count];
        gate.Write(() => InsertInTurn(records, inserted));
        return inserted;
    }

    private void InsertInTurn(IReadOnlyList<LedgerRecord> records, bool[] inserted)
    {
        using var connection = new TunedSqliteConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var database = connection.Handle!;
        Check(database, raw.sqlite3_prepare_v2(database, LedgerSchema.SqliteInsert, out var insert));
        using (insert)
        {
            Check(database, raw.sqlite3_bind_int64(insert, LedgerSchema.SqliteRecordedAt, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                Check(database, raw.sqlite3_bind_text(insert, LedgerSchema.SqliteCampaignId, record.CampaignId));
                Check(database, raw.sqlite3_bind_text(insert, LedgerSchema.SqliteEventId, record.EventId));
                Check(database, raw.sqlite3_bind_text(insert, LedgerSchema.SqliteKind, record.Kind));
                Check(database, raw.sqlite3_bind_int64(insert, LedgerSchema.SqliteOccurredAt, record.OccurredAt.ToUnixTimeMilliseconds()));
                Check(database, raw.sqlite3_bind_blob(insert, LedgerSchema.SqlitePayload, record.Payload));
                if (raw.sqlite3_step(insert) is var stepped && stepped != raw.SQLITE_DONE)
                {
                    Check(database, stepped);
                }

                // Zero rows changed: the event id was there already.
                inserted[i] = raw.sqlite3_changes(database) == 1;

                Check(database, raw.sqlite3_reset(insert));
            }
        }

        transaction.Commit();
    }

    protected override Task<IReadOnlyList<byte[]>> ReadPayloadsAsync(string campaignId) =>
        ReadAsync(LedgerSchema.SqliteReadCampaign, ("$campaignId", campaignId));

    protected override Task<IReadOnlyList<byte[]>> ReadRangeAsync(string campaignId, string after, string before) =>
        ReadAsync(LedgerSchema.SqliteReadRange, ("$campaignId", campaignId), ("$after", after), ("$before", before));

    private Task<IReadOnlyList<byte[]>> ReadAsync(string sql, params (string Name, string Value)[] parameters)
    {
        using var connection = new TunedSqliteConnection(_connectionString);
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            query.Parameters.AddWithValue(name, value);
        }

        using var reader = query.ExecuteReader();
        var payloads = new List<byte[]>();
        while (reader.Read())
        {
            payloads.Add((byte[])reader[0]);
        }

        return Task.FromResult<IReadOnlyList<byte[]>>(payloads);
    }

    // The same exception the ADO.NET driver raises, so callers and logs see one kind of SQLite failure.
    private static void Check(sqlite3 database, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result, raw.sqlite3_extended_errcode(database));
        }
    }
}
