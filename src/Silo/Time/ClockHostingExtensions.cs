using Claims.Client.Time;
using Claims.Silo.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Claims.Silo.Time;

public static class ClockHostingExtensions
{
    /// <summary>
    /// The node's clock (<see cref="NodeClock"/>) as the time every part of the node reads,
    /// anchored to PostgreSQL's clock when the cluster keeps its state or membership there.
    /// Registered before the silo, so it is anchored before any grain runs.
    /// </summary>
    public static IHostApplicationBuilder AddClaimsClock(this IHostApplicationBuilder builder, ClaimsClusterOptions cluster, ClaimsStorageOptions storage)
    {
        builder.Services.TryAddSingleton<NodeClock>();
        builder.Services.TryAddSingleton<TimeProvider>(provider => provider.GetRequiredService<NodeClock>());
        var reference = storage.Provider == StorageProvider.Postgres || cluster.Membership == ClusterMembership.Postgres ? storage.PostgresConnectionString : null;
        builder.Services.AddHostedService(provider => new ClockAnchoring(provider.GetRequiredService<NodeClock>(), reference, provider.GetRequiredService<ILogger<ClockAnchoring>>()));
        return builder;
    }
}
