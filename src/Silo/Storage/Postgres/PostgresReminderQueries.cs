namespace Claims.Silo.Storage.Postgres;

/// <summary>
/// The statements Orleans' ADO.NET reminder table looks up by name, for PostgreSQL. A silo reads
/// the reminders of its share of the hash ring, (begin, end], wrapping past the top when begin ≥ end.
/// </summary>
internal static class PostgresReminderQueries
{
    private const string Columns = "SELECT GrainId, ReminderName, StartTime, Period, Version FROM OrleansRemindersTable";

    public static IReadOnlyDictionary<string, string> ByName { get; } = new Dictionary<string, string>
    {
        ["ReadReminderRowsKey"] = $"{Columns} WHERE ServiceId = @ServiceId AND GrainId = @GrainId;",
        ["ReadReminderRowKey"] = $"{Columns} WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;",
        ["ReadRangeRows1Key"] = $"{Columns} WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;",
        ["ReadRangeRows2Key"] = $"{Columns} WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);",
        ["UpsertReminderRowKey"] = """
            INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
            SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
                Version = OrleansRemindersTable.Version + 1
            RETURNING Version;
            """,
        ["DeleteReminderRowKey"] = """
            WITH deleted AS (
                DELETE FROM OrleansRemindersTable
                WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
                RETURNING 1)
            SELECT count(*)::int FROM deleted;
            """,
        ["DeleteReminderRowsKey"] = "DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;",
    };
}
