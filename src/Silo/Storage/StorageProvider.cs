namespace Claims.Silo.Storage;

/// <summary>Where grain state lives.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file in the data directory: durable, no server to run (the default).</summary>
    Sqlite,

    /// <summary>Process memory: lost on exit; for benchmarks and throwaway runs.</summary>
    Memory,

    /// <summary>A PostgreSQL database (<c>Storage:ConnectionString</c>) shared by every silo of a cluster.</summary>
    Postgres,
}
