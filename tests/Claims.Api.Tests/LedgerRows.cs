using Claims.Grains.Events;
using Claims.Grains.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;

namespace Claims.Api.Tests;

/// <summary>
/// A campaign's ledger read straight from the database a process writes, the pools' journal
/// appends read out as the coupons' events they record, as the reports read it.
/// </summary>
internal static class LedgerRows
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(ClaimsEvent).Assembly).AddAssembly(typeof(CampaignDefinition).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static IReadOnlyList<ClaimsEvent> ReadSqlite(string databasePath, CampaignDefinition campaign)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT Payload FROM ClaimsLedger WHERE CampaignId = $campaign ORDER BY Position";
        query.Parameters.AddWithValue("$campaign", campaign.Id);
        using var reader = query.ExecuteReader();
        var payloads = new List<byte[]>();
        while (reader.Read())
        {
            payloads.Add((byte[])reader[0]);
        }

        return Expand(campaign, payloads);
    }

    public static async Task<IReadOnlyList<ClaimsEvent>> ReadPostgresAsync(string connectionString, CampaignDefinition campaign)
    {
        // Unpooled: a pooled connection from before a restart of the server would be broken.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT Payload FROM ClaimsLedger WHERE CampaignId = @campaign ORDER BY Position", connection);
        query.Parameters.AddWithValue("campaign", campaign.Id);
        await using var reader = await query.ExecuteReaderAsync();
        var payloads = new List<byte[]>();
        while (await reader.ReadAsync())
        {
            payloads.Add(reader.GetFieldValue<byte[]>(0));
        }

        return Expand(campaign, payloads);
    }

    /// <summary>The coupon ids the ledger records as claimed, one per claimed event: a coupon granted twice shows twice.</summary>
    public static IReadOnlyList<string> ClaimedCouponIds(IEnumerable<ClaimsEvent> ledger) =>
        [.. ledger.OfType<CouponClaimed>().Select(e => e.Coupon.CouponId)];

    private static IReadOnlyList<ClaimsEvent> Expand(CampaignDefinition campaign, List<byte[]> payloads) =>
        PoolLedgerEvents.Expand(campaign, [.. payloads.Select(p => Serializer.Deserialize<ClaimsEvent>(p) ?? throw new InvalidDataException("A ledger row holds no event."))]);
}
