using Npgsql;

namespace Claims.Silo.Tests;

/// <summary>
/// A fresh database on the throwaway PostgreSQL server the test command starts
/// (<c>CLAIMS_TEST_POSTGRES</c>), dropped afterwards. Without that server the test is skipped.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name = $"claims_{Guid.NewGuid():N}";

    private TestDatabase(string server)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("CLAIMS_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(server), "CLAIMS_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
        var database = new TestDatabase(server!);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database._name};");
        return database;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE);");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
