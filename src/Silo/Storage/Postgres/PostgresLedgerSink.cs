using Claims.Client.Telemetry;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;

namespace Claims.Silo.Storage.Postgres;

/// <summary>The ledger in the PostgreSQL database that holds grain state: a batch is one insert of five arrays, sent synchronously from the writer's own thread.</summary>
internal sealed class PostgresLedgerSink(NpgsqlDataSource dataSource, Serializer serializer, ClaimsMetrics metrics, ILogger<PostgresLedgerSink> logger)
    : BatchingLedgerSink(serializer, metrics, logger)
{
    protected override bool[] Insert(IReadOnlyList<LedgerRecord> all)
    {
        // The statement answers with the keys it inserted, which cannot tell two rows of one key
        // apart: of rows sharing a key within the batch only the first is sent, and it alone
        // can be the one inserted, as if the rows had gone in one by one.
        var firstOfKey = new Dictionary<(string, string), int>();
        var records = new List<LedgerRecord>(all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            if (firstOfKey.TryAdd((all[i].CampaignId, all[i].EventId), i))
            {
                records.Add(all[i]);
            }
        }

        using var insert = dataSource.CreateCommand(LedgerSchema.PostgresInsert);
        insert.Parameters.Add(new NpgsqlParameter<string[]>("eventIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. records.Select(r => r.EventId)] });
        insert.Parameters.Add(new NpgsqlParameter<string[]>("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. records.Select(r => r.Kind)] });
        insert.Parameters.Add(new NpgsqlParameter<string[]>("campaignIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. records.Select(r => r.CampaignId)] });

        // Npgsql writes timestamptz from UTC values only.
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurredAts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. records.Select(r => r.OccurredAt.UtcDateTime)] });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. records.Select(r => r.Payload)] });

        // A row it skipped had its event id taken already.
        var inserted = new HashSet<(string, string)>();
        using (var reader = insert.ExecuteReader())
        {
            while (reader.Read())
            {
                inserted.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return [.. all.Select((r, i) => firstOfKey[(r.CampaignId, r.EventId)] == i && inserted.Contains((r.CampaignId, r.EventId)))];
    }

    protected override Task<IReadOnlyList<byte[]>> ReadPayloadsAsync(string campaignId) =>
        ReadAsync(LedgerSchema.PostgresReadCampaign, ("campaignId", campaignId));

    protected override Task<IReadOnlyList<byte[]>> ReadRangeAsync(string campaignId, string after, string before) =>
        ReadAsync(LedgerSchema.PostgresReadRange, ("campaignId", campaignId), ("after", after), ("before", before));

    private async Task<IReadOnlyList<byte[]>> ReadAsync(string sql, params (string Name, string Value)[] parameters)
    {
        await using var query = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            query.Parameters.AddWithValue(name, value);
        }

        await using var reader = await query.ExecuteReaderAsync();
        var payloads = new List<byte[]>();
        while (await reader.ReadAsync())
        {
            payloads.Add(reader.GetFieldValue<byte[]>(0));
        }

        return payloads;
    }
}
