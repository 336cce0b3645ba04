using Claims.Client.Admission;
using Claims.Contracts.Campaigns;
using Claims.Grains;
using Claims.Grains.Campaigns;
using Claims.Grains.Risk;
using Claims.Silo.Storage;
using Claims.Silo.Telemetry;
using Claims.Silo.Time;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;

namespace Claims.Silo;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Hosts a Claims silo in this process: membership chosen by the <c>Cluster</c> section
    /// (localhost by default) and storage by the <c>Storage</c> section (SQLite by default, its
    /// schema applied before the silo starts; PostgreSQL's is applied by the schema command).
    /// </summary>
    public static IHostApplicationBuilder AddClaimsSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<ClaimsClusterOptions>(ClaimsClusterOptions.Section);
        builder.Services.AddCheckedOptions<ClaimsStorageOptions>(ClaimsStorageOptions.Section);
        builder.Services.AddCheckedOptions<ClaimsLifecycleOptions>(ClaimsLifecycleOptions.Section);
        builder.Services.AddCheckedOptions<WarmUpOptions>(WarmUpOptions.Section);
        builder.Services.AddCheckedOptions<RiskOptions>(RiskOptions.Section);
        var (cluster, storage) = builder.Configuration.ClaimsOptions();

        builder.AddClaimsClock(cluster, storage);
        builder.AddClaimsAdmission();
        builder.AddClaimsTelemetry();
        builder.Services.AddClaimsGrains();

        builder.Services.AddSingleton<IGrainStorageSerializer, ClaimsStateSerializer>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        builder.Services.CarryStoreExceptions();
        // Every silo collects the dashboard's figures, whether or not it serves the pages: an API
        // node that is only a client shows them from the silos.
        builder.UseOrleans(silo => silo.UseClaimsMembership(cluster, storage).UseClaimsStorage(storage).AddDashboard().AddActivityPropagation().Configure<SiloMessagingOptions>(o =>
        {
            o.MaxEnqueuedRequestsHardLimit = cluster.MaxQueuedCallsPerGrain;
            o.ResponseTimeout = cluster.ResponseTimeout;
        }));
        return builder;
    }

    /// <summary>Joins the cluster as an Orleans client, for API nodes in front of silo-only nodes.</summary>
    public static IHostApplicationBuilder AddClaimsClient(this IHostApplicationBuilder builder)
    {
        var (cluster, storage) = builder.Configuration.ClaimsOptions();
        builder.AddClaimsClock(cluster, storage);
        builder.AddClaimsAdmission();
        builder.AddClaimsTelemetry();
        builder.Services.CarryStoreExceptions();
        builder.UseOrleansClient(client => client.UseClaimsMembership(cluster, storage).AddDashboard().AddActivityPropagation().Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout));
        return builder;
    }

    /// <summary>Hosts a silo, or joins as a client when <c>Cluster:HostSilo</c> is false.</summary>
    public static IHostApplicationBuilder AddClaimsCluster(this IHostApplicationBuilder builder) =>
        builder.Configuration.ClaimsOptions().Cluster.HostSilo ? builder.AddClaimsSilo() : builder.AddClaimsClient();

    // A store's failure travels from the silo that met it to the caller, often on another silo or
    // an API node, which turns it into a 503 with a retry hint. Orleans only carries exceptions
    // of the namespaces it knows; any other fails to serialize and the caller sees a 500.
    private static void CarryStoreExceptions(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.UnionWith(["Npgsql", "StackExchange.Redis"]));

    /// <summary>The <c>Cluster</c> and <c>Storage</c> sections, with their defaults where absent.</summary>
    public static (ClaimsClusterOptions Cluster, ClaimsStorageOptions Storage) ClaimsOptions(this IConfiguration configuration) =>
        (configuration.GetChecked<ClaimsClusterOptions>(ClaimsClusterOptions.Section),
         configuration.GetChecked<ClaimsStorageOptions>(ClaimsStorageOptions.Section));
}
