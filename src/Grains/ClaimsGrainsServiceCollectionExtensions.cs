using Claims.Grains.Board;
using Claims.Grains.Campaigns;
using Claims.Grains.Events;
using Claims.Grains.Risk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Claims.Grains;

public static class ClaimsGrainsServiceCollectionExtensions
{
    /// <summary>Registers what the grains need besides storage: the clock, the campaign directory, the event sink and the ledger reader (unless already registered).</summary>
    public static IServiceCollection AddClaimsGrains(this IServiceCollection services)
    {
        services.AddOptions<ClaimsLifecycleOptions>();
        services.AddOptions<RiskOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CampaignDirectory>();
        services.TryAddSingleton<IClaimsEventSink, LoggingEventSink>();
        services.TryAddSingleton<ProcessStockBoard>();
        services.TryAddSingleton<IStockBoard>(provider => provider.GetRequiredService<ProcessStockBoard>());

        // Without a ledger there is nothing to read back: reports come out empty.
        services.TryAddSingleton<ILedgerReader, ProcessMemoryLedger>();
        return services;
    }
}
