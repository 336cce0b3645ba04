using Claims.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;

namespace Claims.Silo.Storage.Postgres;

/// <summary>The ledger in the PostgreSQL database that holds grain state: a batch is one insert of five arrays, sent synchronously from the writer's own thread.</summary>
internal sealed class PostgresLedgerSink(NpgsqlDataSource dataSource, Serializer serializer, ClaimsMetrics metrics, ILogger<PostgresLedgerSink> logger)
    : BatchingLedgerSink(serializer, metrics, logger)
{
    protected override void Insert(IReadOnlyList<LedgerRecord> records)
    {
        using var insert = dataSource.CreateCommand(LedgerSchema.PostgresInsert);
        insert.Parameters.Add(new NpgsqlParameter<string[]>("eventIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. records.Select(r => r.EventId)] });
        insert.Parameters.Add(new NpgsqlParameter<string[]>("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. records.Select(r => r.Kind)] });
        insert.Parameters.Add(new NpgsqlParameter<string[]>("campaignIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. records.Select(r => r.CampaignId)] });

        // Npgsql writes timestamptz from UTC values only.
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurredAts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. records.Select(r => r.OccurredAt.UtcDateTime)] });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. records.Select(r => r.Payload)] });
        insert.ExecuteNonQuery();
    }

    protected override async Task<IReadOnlyList<byte[]>> ReadPayloadsAsync(string campaignId)
    {
        await using var query = dataSource.CreateCommand(LedgerSchema.PostgresReadCampaign);
        query.Parameters.AddWithValue("campaignId", campaignId);
        await using var reader = await query.ExecuteReaderAsync();
        var payloads = new List<byte[]>();
        while (await reader.ReadAsync())
        {
            payloads.Add(reader.GetFieldValue<byte[]>(0));
        }

        return payloads;
    }
}
