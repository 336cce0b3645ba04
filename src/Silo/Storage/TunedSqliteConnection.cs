using Microsoft.Data.Sqlite;

namespace Claims.Silo.Storage;

/// <summary>
/// A SQLite connection set up for grain storage each time it opens. The connection string cannot
/// carry these settings, and the driver's own retry on a locked database sleeps 150 ms at a time,
/// which a rush of concurrent pool writes would feel; SQLite's busy handler waits in small steps.
/// </summary>
internal sealed class TunedSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    // WAL with synchronous=NORMAL keeps every committed write across a process crash; only an
    // operating-system crash or power loss can lose the last commits.
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void Open()
    {
        base.Open();
        using var command = CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        Open();
        return Task.CompletedTask;
    }
}
