using Claims.Client.Board;
using Claims.Client.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Claims.Client.Admission;

public static class AdmissionHostingExtensions
{
    /// <summary>
    /// The stock board, shared through Redis when the <c>Admission</c> section names one, the
    /// admission health check, and Claims' metrics (which read the board): every host, silo or
    /// client, adds these.
    /// </summary>
    public static IHostApplicationBuilder AddClaimsAdmission(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<AdmissionOptions>(AdmissionOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ProcessStockBoard>();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<ClaimsMetrics>();
        builder.Services.AddHealthChecks().AddCheck<AdmissionHealthCheck>("admission", tags: ["ready"]);
        if (builder.Configuration.GetChecked<AdmissionOptions>(AdmissionOptions.Section) is { SharedThroughRedis: true })
        {
            builder.Services.AddSingleton<RedisAdmission>();
            builder.Services.AddSingleton<RedisStockBoard>();
            builder.Services.Replace(ServiceDescriptor.Singleton<IStockBoard>(provider => provider.GetRequiredService<RedisStockBoard>()));
            builder.Services.AddHostedService(provider => provider.GetRequiredService<RedisStockBoard>());
            builder.Services.AddHostedService<RedisStockFeed>();
        }
        else
        {
            builder.Services.TryAddSingleton<IStockBoard>(provider => provider.GetRequiredService<ProcessStockBoard>());
        }

        return builder;
    }
}
