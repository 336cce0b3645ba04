using System.Net;
using Claims.Silo.Storage;
using Orleans.Configuration;

namespace Claims.Silo;

/// <summary>Joins silos and clients to the cluster named by the <c>Cluster</c> section.</summary>
public static class MembershipHostingExtensions
{
    public const string PostgresInvariant = "Npgsql";

    public static ISiloBuilder UseClaimsMembership(this ISiloBuilder silo, ClaimsClusterOptions cluster, ClaimsStorageOptions storage)
    {
        switch (cluster.Membership)
        {
            case ClusterMembership.Localhost:
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                return silo;
            case ClusterMembership.Postgres:
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = storage.PostgresConnectionString;
                });
                break;
            case ClusterMembership.Redis:
                silo.UseRedisClustering(RedisConfiguration(cluster));
                break;
        }

        silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (cluster.ServiceId, cluster.ClusterId));
        if (cluster.AdvertisedAddress is { } address)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(address), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        }

        return silo;
    }

    public static IClientBuilder UseClaimsMembership(this IClientBuilder client, ClaimsClusterOptions cluster, ClaimsStorageOptions storage)
    {
        switch (cluster.Membership)
        {
            case ClusterMembership.Localhost:
                client.UseLocalhostClustering(cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                return client;
            case ClusterMembership.Postgres:
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = storage.PostgresConnectionString;
                });
                break;
            case ClusterMembership.Redis:
                client.UseRedisClustering(RedisConfiguration(cluster));
                break;
        }

        client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (cluster.ServiceId, cluster.ClusterId));
        return client;
    }

    private static string RedisConfiguration(ClaimsClusterOptions cluster) =>
        string.IsNullOrWhiteSpace(cluster.Redis)
            ? throw new InvalidOperationException($"{ClaimsClusterOptions.Section}:{nameof(ClaimsClusterOptions.Redis)} must name the Redis server.")
            : cluster.Redis;
}
