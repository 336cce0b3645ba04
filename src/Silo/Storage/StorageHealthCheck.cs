using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Claims.Silo.Storage;

/// <summary>Ready only while grain storage answers a query.</summary>
internal sealed class StorageHealthCheck(IOptions<ClaimsStorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var storage = options.Value;
        if (storage.Provider == StorageProvider.Memory)
        {
            return HealthCheckResult.Healthy("In-memory storage.");
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
}
