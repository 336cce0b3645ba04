namespace Claims.Silo.Storage.Postgres;

/// <summary>
/// The statements Orleans' ADO.NET clustering looks up by name, for PostgreSQL. Membership is
/// guarded by one table version per cluster: a change applies only with the version the silo
/// last read, and bumps it by one in the same statement. The version row is locked first, so two
/// silos racing on the same version cannot both apply their change.
/// </summary>
internal static class PostgresMembershipQueries
{
    private const string Member = "DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation";

    // Every read returns the version row, joined to the members asked for (none: one row of nulls).
    private const string ReadColumns = """
        SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
            m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
        FROM OrleansMembershipVersionTable v
        """;

    private const string LockVersion = """
        locked AS (
            SELECT DeploymentId FROM OrleansMembershipVersionTable
            WHERE DeploymentId = @DeploymentId AND Version = @Version
            FOR UPDATE)
        """;

    private const string BumpVersionAfter = """
        bumped AS (
            UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
            WHERE DeploymentId IN (SELECT DeploymentId FROM changed)
            RETURNING 1)
        SELECT count(*)::int FROM bumped;
        """;

    public static IReadOnlyDictionary<string, string> ByName { get; } = new Dictionary<string, string>
    {
        ["InsertMembershipVersionKey"] = """
            WITH inserted AS (
                INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT count(*)::int FROM inserted;
            """,
        ["InsertMembershipKey"] = $"""
            WITH {LockVersion},
            changed AS (
                INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName,
                    Status, ProxyPort, StartTime, IAmAliveTime)
                SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                    @Status, @ProxyPort, @StartTime, @IAmAliveTime
                FROM locked
                ON CONFLICT DO NOTHING
                RETURNING DeploymentId),
            {BumpVersionAfter}
            """,
        ["UpdateMembershipKey"] = $"""
            WITH {LockVersion},
            changed AS (
                UPDATE OrleansMembershipTable
                SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
                WHERE DeploymentId IN (SELECT DeploymentId FROM locked)
                    AND Address = @Address AND Port = @Port AND Generation = @Generation
                RETURNING DeploymentId),
            {BumpVersionAfter}
            """,
        ["UpdateIAmAlivetimeKey"] = $"UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime WHERE {Member};",
        ["MembershipReadRowKey"] = $"""
            {ReadColumns}
            LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
                AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
            WHERE v.DeploymentId = @DeploymentId;
            """,
        ["MembershipReadAllKey"] = $"""
            {ReadColumns}
            LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
            WHERE v.DeploymentId = @DeploymentId;
            """,
        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
            DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
            """,

        // Status 3 is Active: a silo that is up is never cleaned away, however stale its heartbeat.
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM OrleansMembershipTable
            WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
            """,
        ["GatewaysQueryKey"] = """
            SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
            WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
            """,
    };
}
