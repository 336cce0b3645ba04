using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Configuration;

namespace Claims.Silo.Storage;

/// <summary>
/// Orleans reminders kept in the embedded SQLite database beside grain state, so a campaign's
/// lifecycle reminder survives a restart of the single process. Each row carries a version that
/// serves as the reminder's ETag: a removal only succeeds against the version it read.
/// </summary>
internal sealed class SqliteReminderTable(IOptions<ClusterOptions> cluster, IOptions<ClaimsStorageOptions> storage) : IReminderTable
{
    private const string Columns = "GrainId, ReminderName, StartAt, PeriodMs, Version";

    private readonly string _serviceId = cluster.Value.ServiceId;
    private readonly string _connectionString = SqliteSchema.ConnectionString(storage.Value.SqlitePath);

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAsync($"SELECT {Columns} FROM ClaimsReminders WHERE ServiceId = $service AND GrainId = $grain",
            command => command.Parameters.AddWithValue("$grain", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        ReadAsync(
            // The ring wraps: a range whose start is not below its end covers both ends of it.
            begin < end
                ? $"SELECT {Columns} FROM ClaimsReminders WHERE ServiceId = $service AND GrainHash > $begin AND GrainHash <= $end"
                : $"SELECT {Columns} FROM ClaimsReminders WHERE ServiceId = $service AND (GrainHash > $begin OR GrainHash <= $end)",
            command =>
            {
                command.Parameters.AddWithValue("$begin", (long)begin);
                command.Parameters.AddWithValue("$end", (long)end);
            });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await ReadAsync(
            $"SELECT {Columns} FROM ClaimsReminders WHERE ServiceId = $service AND GrainId = $grain AND ReminderName = $name",
            command =>
            {
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$name", reminderName);
            });

        return rows.Reminders.FirstOrDefault();
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ClaimsReminders (ServiceId, GrainId, ReminderName, StartAt, PeriodMs, GrainHash, Version)
            VALUES ($service, $grain, $name, $start, $period, $hash, 1)
            ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE SET
                StartAt = excluded.StartAt, PeriodMs = excluded.PeriodMs, GrainHash = excluded.GrainHash, Version = Version + 1
            RETURNING Version;
            """;
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
        command.Parameters.AddWithValue("$name", entry.ReminderName);
        command.Parameters.AddWithValue("$start", entry.StartAt.ToUniversalTime().Ticks);
        command.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);
        command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
        var version = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return Task.FromResult<string?>(version.ToString(CultureInfo.InvariantCulture));
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM ClaimsReminders WHERE ServiceId = $service AND GrainId = $grain AND ReminderName = $name AND Version = $version";
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        command.Parameters.AddWithValue("$version", long.Parse(eTag, CultureInfo.InvariantCulture));
        return Task.FromResult(command.ExecuteNonQuery() == 1);
    }

    public Task TestOnlyClearTable()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM ClaimsReminders WHERE ServiceId = $service";
        command.Parameters.AddWithValue("$service", _serviceId);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    private Task<ReminderTableData> ReadAsync(string sql, Action<SqliteCommand> bind)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        bind(command);
        using var reader = command.ExecuteReader();
        var entries = new List<ReminderEntry>();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }

        return Task.FromResult(new ReminderTableData(entries));
    }

    private TunedSqliteConnection Open()
    {
        var connection = new TunedSqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
