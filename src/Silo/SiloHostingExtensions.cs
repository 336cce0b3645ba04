using Claims.Grains;
using Claims.Grains.Campaigns;
using Claims.Grains.Events;
using Claims.Silo.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Storage;

namespace Claims.Silo;

public static class SiloHostingExtensions
{
    // Orleans' ADO.NET provider recognises SQLite by this invariant and loads Microsoft.Data.Sqlite itself.
    private const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>
    /// Hosts a Claims silo in this process: localhost clustering and grain storage chosen by the
    /// <c>Storage</c> section (SQLite by default, its schema applied before the silo starts).
    /// </summary>
    public static IHostApplicationBuilder AddClaimsSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClaimsClusterOptions>().BindConfiguration(ClaimsClusterOptions.Section);
        builder.Services.AddOptions<ClaimsStorageOptions>().BindConfiguration(ClaimsStorageOptions.Section);
        builder.Services.AddOptions<ClaimsLifecycleOptions>().BindConfiguration(ClaimsLifecycleOptions.Section);
        var cluster = builder.Configuration.GetSection(ClaimsClusterOptions.Section).Get<ClaimsClusterOptions>() ?? new();
        var storage = builder.Configuration.GetSection(ClaimsStorageOptions.Section).Get<ClaimsStorageOptions>() ?? new();

        builder.Services.AddClaimsGrains();

        // Orleans' binary format instead of the default JSON: a pool's state holds every grant,
        // and JSON made each write several times larger and slower. Every state type has
        // [GenerateSerializer], which is what this format relies on.
        builder.Services.AddSingleton<IGrainStorageSerializer>(services => new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            if (storage.Provider == StorageProvider.Memory)
            {
                silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Claims, (services, _) =>
                    new ProcessMemoryGrainStorage(services.GetRequiredService<IGrainStorageSerializer>()));
                silo.UseInMemoryReminderService();
                if (storage.Ledger)
                {
                    silo.Services.AddSingleton<ProcessMemoryLedger>();
                    silo.Services.Replace(ServiceDescriptor.Singleton<IClaimsEventSink>(services => services.GetRequiredService<ProcessMemoryLedger>()));
                    silo.Services.Replace(ServiceDescriptor.Singleton<ILedgerReader>(services => services.GetRequiredService<ProcessMemoryLedger>()));
                }

                return;
            }

            SqliteSchema.Apply(storage.SqlitePath);
            if (storage.Ledger)
            {
                silo.Services.AddSingleton<SqliteLedgerSink>();
                silo.Services.Replace(ServiceDescriptor.Singleton<IClaimsEventSink>(services => services.GetRequiredService<SqliteLedgerSink>()));
                silo.Services.Replace(ServiceDescriptor.Singleton<ILedgerReader>(services => services.GetRequiredService<SqliteLedgerSink>()));
            }

            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
            silo.AddAdoNetGrainStorage(StorageNames.Claims, options =>
            {
                options.Invariant = SqliteInvariant;
                options.DataSource = new TunedSqliteDataSource(SqliteSchema.ConnectionString(storage.SqlitePath));
            });
        });
        return builder;
    }
}
