using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Claims.Api;

/// <summary>Ready only when a grain answers: the silo is up and its storage can be read.</summary>
public sealed class GrainsHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var campaigns = await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"{campaigns.Count} campaign(s).");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("Grains do not answer.", exception);
        }
    }
}
