namespace Claims.Silo.Storage;

/// <summary>Grain storage settings (configuration section <c>Storage</c>).</summary>
public sealed class ClaimsStorageOptions : ICheckedOptions
{
    public const string Section = "Storage";

    /// <summary>Which store holds grain state.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder for the SQLite database (<c>claims.db</c>), created when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The PostgreSQL connection string (Npgsql form) when <see cref="Provider"/> is <c>Postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string, or an error naming the setting that is missing.</summary>
    public string PostgresConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException($"{Section}:{nameof(ConnectionString)} must name the PostgreSQL database.")
            : ConnectionString;

    public string SqlitePath => Path.GetFullPath(Path.Combine(DataDirectory, "claims.db"));

    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return $"{Section}:{nameof(Provider)} must be Sqlite, Memory or Postgres, not {Provider}.";
        }

        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{Section}:{nameof(ConnectionString)} must name the PostgreSQL database when {Section}:{nameof(Provider)} is Postgres.";
        }

        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return $"{Section}:{nameof(DataDirectory)} must name a folder when {Section}:{nameof(Provider)} is Sqlite.";
        }
    }
}
