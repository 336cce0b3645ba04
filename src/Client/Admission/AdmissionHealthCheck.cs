using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Claims.Client.Admission;

/// <summary>Degraded, not down, when Redis is unreachable: the node goes on admitting with what it knows by itself.</summary>
public sealed class AdmissionHealthCheck(IServiceProvider services, IOptions<AdmissionOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!options.Value.SharedThroughRedis
            ? HealthCheckResult.Healthy("In-process admission (no Redis configured).")
            : services.GetRequiredService<RedisAdmission>().IsConnected
                ? HealthCheckResult.Healthy("Admission shared through Redis.")
                : HealthCheckResult.Degraded("Redis is unreachable: rate limits and the stock board are this node's own until it is back."));
}
