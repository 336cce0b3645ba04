using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Claims.Api;

/// <summary>
/// Ready only when the cluster's membership lists an active silo, and says how many: a node that
/// has lost the membership store (or every silo) cannot place a grain, whatever else answers.
/// </summary>
public sealed class MembershipHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"{silos.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No silo is active.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("The membership cannot be read.", exception);
        }
    }
}
