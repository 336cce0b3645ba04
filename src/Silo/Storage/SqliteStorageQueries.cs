namespace Claims.Silo.Storage;

/// <summary>
/// The statements Orleans' ADO.NET grain storage looks up by name in <c>OrleansQuery</c>, written
/// for SQLite. The provider detects a lost race from what the write returns: the new version when
/// the row was inserted (expected version null) or updated (expected version matched), no row otherwise.
/// </summary>
internal static class SqliteStorageQueries
{
    // Identity of a grain's state row; matches the unique index so every lookup is an index seek.
    private const string Key = """
        ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND IFNULL(GrainIdExtensionString, '') = IFNULL(@GrainIdExtensionString, '')
        """;

    public const string Read = $"""
        SELECT PayloadBinary, Version FROM OrleansStorage WHERE {Key};
        """;

    // The insert only runs for state never written before and does nothing if a concurrent writer
    // inserted first; the update only runs when the caller's version is still current.
    public const string Write = $"""
        INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
            GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
            @GrainIdExtensionString, @ServiceId, @PayloadBinary, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING Version AS NewGrainStateVersion;
        UPDATE OrleansStorage
        SET PayloadBinary = @PayloadBinary, ModifiedOn = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), Version = Version + 1
        WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion AND {Key}
        RETURNING Version AS NewGrainStateVersion;
        """;

    public const string Clear = $"""
        UPDATE OrleansStorage
        SET PayloadBinary = NULL, ModifiedOn = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), Version = Version + 1
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
