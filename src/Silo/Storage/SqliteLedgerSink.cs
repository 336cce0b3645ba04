using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Claims.Silo.Storage;

/// <summary>The ledger in the SQLite file that holds grain state: one prepared insert per row, in one transaction per batch.</summary>
internal sealed class SqliteLedgerSink(IOptions<ClaimsStorageOptions> storage, Serializer serializer, ILogger<SqliteLedgerSink> logger)
    : BatchingLedgerSink(serializer, logger)
{
    private readonly string _connectionString = SqliteSchema.ConnectionString(storage.Value.SqlitePath);

    protected override Task InsertAsync(IReadOnlyList<LedgerRecord> records)
    {
        using var connection = new TunedSqliteConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = LedgerSchema.SqliteInsert;
        var eventId = insert.Parameters.Add("$eventId", SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var campaignId = insert.Parameters.Add("$campaignId", SqliteType.Text);
        var occurredAt = insert.Parameters.Add("$occurredAt", SqliteType.Text);
        insert.Parameters.AddWithValue("$recordedAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        insert.Prepare();
        foreach (var record in records)
        {
            eventId.Value = record.EventId;
            kind.Value = record.Kind;
            campaignId.Value = (object?)record.CampaignId ?? DBNull.Value;
            occurredAt.Value = record.OccurredAt.ToString("O", CultureInfo.InvariantCulture);
            payload.Value = record.Payload;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    protected override Task<IReadOnlyList<byte[]>> ReadPayloadsAsync(string campaignId)
    {
        using var connection = new TunedSqliteConnection(_connectionString);
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = LedgerSchema.SqliteReadCampaign;
        query.Parameters.AddWithValue("$campaignId", campaignId);
        using var reader = query.ExecuteReader();
        var payloads = new List<byte[]>();
        while (reader.Read())
        {
            payloads.Add((byte[])reader[0]);
        }

        return Task.FromResult<IReadOnlyList<byte[]>>(payloads);
    }
}
