namespace Claims.Api.Tests;

/// <summary>The configuration of a node of a cluster on one machine whose store is PostgreSQL.</summary>
public static class NodeSettings
{
    /// <summary>Storage in <paramref name="connectionString"/>'s database, membership there too unless another is named, a fresh cluster id.</summary>
    public static Dictionary<string, string> OnPostgres(string connectionString, string membership = "Postgres") => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = connectionString,
        ["Cluster:Membership"] = membership,
        ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        ["Cluster:ClusterId"] = $"test-{Guid.NewGuid():N}",
    };
}
