using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Claims.Silo.Storage;

/// <summary>Ready only while grain storage answers a query.</summary>
internal sealed class StorageHealthCheck(IOptions<ClaimsStorageOptions> options, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var storage = options.Value;
        if (storage.Provider == StorageProvider.Memory)
        {
            return HealthCheckResult.Healthy("In-memory storage.");
        }

        if (storage.Provider == StorageProvider.Postgres)
        {
            return await PostgresAnswersAsync(cancellationToken);
        }

        try
        {
            await using var connection = new TunedSqliteConnection(SqliteSchema.ConnectionString(storage.SqlitePath));
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM OrleansQuery;";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"SQLite at {storage.SqlitePath}.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("SQLite does not answer.", exception);
        }
    }

    private async Task<HealthCheckResult> PostgresAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM OrleansQuery;");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", exception);
        }
    }
}
