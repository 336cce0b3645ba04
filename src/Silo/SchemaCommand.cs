using Claims.Silo.Storage;
using Claims.Silo.Storage.Postgres;

namespace Claims.Silo;

/// <summary>
/// <c>schema</c>: creates or completes the tables and named queries of the configured store, and
/// exits. Safe to run twice, and while nodes run. PostgreSQL nodes expect it to have been run;
/// the SQLite file is also set up by every start.
/// </summary>
public static class SchemaCommand
{
    public const string Name = "schema";

    /// <summary>Runs the command when <paramref name="args"/> ask for it; false otherwise.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args is not [Name, ..])
        {
            return false;
        }

        var configuration = Host.CreateApplicationBuilder(args[1..]).Configuration;
        var storage = configuration.ClaimsOptions().Storage;
        switch (storage.Provider)
        {
            case StorageProvider.Sqlite:
                SqliteSchema.Apply(storage.SqlitePath);
                Console.WriteLine($"SQLite schema applied to {storage.SqlitePath}");
                break;
            case StorageProvider.Postgres:
                await PostgresSchema.ApplyAsync(storage.PostgresConnectionString);
                Console.WriteLine($"PostgreSQL schema applied ({PostgresSchema.Queries.Count()} named queries)");
                break;
            case StorageProvider.Memory:
                Console.WriteLine("Memory storage has no schema.");
                break;
        }

        return true;
    }
}
