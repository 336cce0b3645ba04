using Claims.Client.Board;
using Claims.Grains.Events;
using Claims.Grains.Risk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Claims.Grains;

public static class ClaimsGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the grains need besides grain storage: the clock, the campaign directory,
    /// the stock board, and the ledger (events, reports and pools' journals), unless already
    /// registered; the default ledger lives in the process's memory.
    /// </summary>
    public static IServiceCollection AddClaimsGrains(this IServiceCollection services)
    {
        services.AddOptions<ClaimsLifecycleOptions>();
        services.AddOptions<WarmUpOptions>();
        services.AddOptions<RiskOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CampaignDirectory>();
        services.TryAddSingleton<ProcessStockBoard>();
        services.TryAddSingleton<IStockBoard>(provider => provider.GetRequiredService<ProcessStockBoard>());
        services.TryAddSingleton<ProcessMemoryLedger>();
        services.TryAddSingleton<IClaimsEventSink>(provider => provider.GetRequiredService<ProcessMemoryLedger>());
        services.TryAddSingleton<ILedgerReader>(provider => provider.GetRequiredService<ProcessMemoryLedger>());
        services.TryAddSingleton<IPoolJournal>(provider => provider.GetRequiredService<ProcessMemoryLedger>());
        return services;
    }
}
