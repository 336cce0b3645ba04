namespace Claims.Silo;

/// <summary>Where the cluster's membership table lives.</summary>
public enum ClusterMembership
{
    /// <summary>One silo on this machine, no table: the embedded default.</summary>
    Localhost,

    /// <summary>The PostgreSQL database of <c>Storage:ConnectionString</c>.</summary>
    Postgres,

    /// <summary>A Redis server (<c>Cluster:Redis</c>).</summary>
    Redis,
}
