using Claims.Grains;
using Claims.Grains.Events;
using Claims.Silo.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace Claims.Silo.Storage;

/// <summary>Grain state, reminders and the ledger in the store the <c>Storage</c> section names.</summary>
public static class StorageHostingExtensions
{
    // Orleans' ADO.NET provider recognises SQLite by this invariant and loads Microsoft.Data.Sqlite itself.
    private const string SqliteInvariant = "System.Data.SQLite";

    public static ISiloBuilder UseClaimsStorage(this ISiloBuilder silo, ClaimsStorageOptions storage)
    {
        switch (storage.Provider)
        {
            case StorageProvider.Memory:
                silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Claims, (services, _) =>
                    new ProcessMemoryGrainStorage(services.GetRequiredService<IGrainStorageSerializer>()));
                // The grains' default ledger is the process's memory.
                silo.UseInMemoryReminderService();
                break;
            case StorageProvider.Sqlite:
                // The embedded store sets itself up: there is no operator to run a schema command.
                SqliteSchema.Apply(storage.SqlitePath);
                silo.Services.AddSingleton<SqliteWriterGate>();
                UseLedger<SqliteLedgerSink>(silo);

                silo.AddReminders();
                silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
                silo.AddAdoNetGrainStorage(StorageNames.Claims, o =>
                {
                    o.Invariant = SqliteInvariant;
                    o.DataSource = new TunedSqliteDataSource(SqliteSchema.ConnectionString(storage.SqlitePath));
                });
                WrapGrainStorage(silo.Services, (provider, store) => new GatedGrainStorage(store, provider.GetRequiredService<SqliteWriterGate>()));
                SerializeInTurn(silo.Services);
                break;
            case StorageProvider.Postgres:
                var connectionString = storage.PostgresConnectionString;
                silo.Services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
                UseLedger<PostgresLedgerSink>(silo);

                // Grain storage, reminders and the ledger draw on one pool of connections.
                silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> options) => options.Configure<NpgsqlDataSource>((o, dataSource) =>
                {
                    o.Invariant = MembershipHostingExtensions.PostgresInvariant;
                    o.DataSource = dataSource;
                }));
                silo.AddAdoNetGrainStorage(StorageNames.Claims, (OptionsBuilder<AdoNetGrainStorageOptions> options) => options.Configure<NpgsqlDataSource>((o, dataSource) =>
                {
                    o.Invariant = MembershipHostingExtensions.PostgresInvariant;
                    o.DataSource = dataSource;
                }));
                SerializeInTurn(silo.Services);
                break;
        }

        return silo;
    }

    // Wraps the ADO.NET grain storage just registered: see InTurnSerializingGrainStorage.
    private static void SerializeInTurn(IServiceCollection services) =>
        WrapGrainStorage(services, (provider, store) => new InTurnSerializingGrainStorage(store, provider.GetRequiredService<IGrainStorageSerializer>()));

    private static void WrapGrainStorage(IServiceCollection services, Func<IServiceProvider, IGrainStorage, IGrainStorage> wrap)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, StorageNames.Claims));
        var create = registered.KeyedImplementationFactory!;
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Claims, (provider, key) => wrap(provider, (IGrainStorage)create(provider, key)));
    }

    private static void UseLedger<TLedger>(ISiloBuilder silo)
        where TLedger : class, IClaimsEventSink, ILedgerReader, IPoolJournal
    {
        silo.Services.AddSingleton<TLedger>();
        silo.Services.Replace(ServiceDescriptor.Singleton<IClaimsEventSink>(services => services.GetRequiredService<TLedger>()));
        silo.Services.Replace(ServiceDescriptor.Singleton<ILedgerReader>(services => services.GetRequiredService<TLedger>()));
        silo.Services.Replace(ServiceDescriptor.Singleton<IPoolJournal>(services => services.GetRequiredService<TLedger>()));
    }
}
