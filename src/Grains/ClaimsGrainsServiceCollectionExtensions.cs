using Claims.Grains.Campaigns;
using Claims.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Claims.Grains;

public static class ClaimsGrainsServiceCollectionExtensions
{
    /// <summary>Registers what the grains need besides storage: the clock, the campaign directory and the event sink (unless already registered).</summary>
    public static IServiceCollection AddClaimsGrains(this IServiceCollection services)
    {
        services.AddOptions<ClaimsLifecycleOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CampaignDirectory>();
        services.TryAddSingleton<IClaimsEventSink, LoggingEventSink>();
        return services;
    }
}
