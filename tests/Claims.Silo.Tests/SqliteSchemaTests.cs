using Claims.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Claims.Silo.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"claims-schema-{Guid.NewGuid():N}", "claims.db");

    [Fact]
    public void ApplyingTheSchemaTwiceKeepsDataAndQueries()
    {
        SqliteSchema.Apply(_path);
        Execute("INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, ServiceId, ModifiedOn, Version) VALUES (1, 0, 0, 2, 'pool', 'claims', 'now', 1);");

        SqliteSchema.Apply(_path);

        Assert.Equal(1L, Scalar("SELECT count(*) FROM OrleansStorage;"));
        Assert.Equal(3L, Scalar("SELECT count(*) FROM OrleansQuery WHERE QueryKey IN ('ReadFromStorageKey', 'WriteToStorageKey', 'ClearStorageKey');"));
        Assert.Equal("wal", Scalar("PRAGMA journal_mode;"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(SqliteSchema.ConnectionString(_path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection(SqliteSchema.ConnectionString(_path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
