namespace Claims.Silo.Storage.Postgres;

/// <summary>
/// The statements Orleans' ADO.NET grain storage looks up by name, for PostgreSQL. A write answers
/// the new version when it inserted (expected version null) or updated (expected version current),
/// and no row when it lost a race, which the provider reports as a conflict.
/// </summary>
internal static class PostgresStorageQueries
{
    // The grain's identity, in the form of the unique index, so each lookup is one index seek.
    private const string Key = """
        ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
        """;

    public const string Read = $"SELECT PayloadBinary, Version FROM OrleansStorage WHERE {Key};";

    // Both branches run in one statement and one snapshot; the expected version decides which
    // applies. ON CONFLICT makes a concurrent first write return no row rather than fail.
    public const string Write = $"""
        WITH inserted AS (
            INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
            SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                @GrainIdExtensionString, @ServiceId, @PayloadBinary, now(), 1
            WHERE @GrainStateVersion IS NULL
            ON CONFLICT DO NOTHING
            RETURNING Version),
        updated AS (
            UPDATE OrleansStorage SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
            WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion AND {Key}
            RETURNING Version)
        SELECT Version AS NewGrainStateVersion FROM inserted
        UNION ALL
        SELECT Version FROM updated;
        """;

    public const string Clear = $"""
        UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
        WHERE Version = @GrainStateVersion AND {Key}
        RETURNING Version AS NewGrainStateVersion;
        """;

    public static IReadOnlyDictionary<string, string> ByName { get; } = new Dictionary<string, string>
    {
        ["ReadFromStorageKey"] = Read,
        ["WriteToStorageKey"] = Write,
        ["ClearStorageKey"] = Clear,
    };
}
