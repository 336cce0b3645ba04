namespace Claims.Silo;

/// <summary>How this silo joins its cluster (configuration section <c>Cluster</c>).</summary>
public sealed class ClaimsClusterOptions : ICheckedOptions
{
    public const string Section = "Cluster";

    /// <summary>Port for silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Identifies the deployment across restarts; grain state is keyed by it, so never change it on live data.</summary>
    public string ServiceId { get; set; } = "claims";

    /// <summary>Identifies one running cluster.</summary>
    public string ClusterId { get; set; } = "claims-dev";

    /// <summary>How silos find each other and clients find gateways.</summary>
    public ClusterMembership Membership { get; set; } = ClusterMembership.Localhost;

    /// <summary>The Redis configuration string (e.g. <c>localhost:6379</c>) when <see cref="Membership"/> is <c>Redis</c>.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// The address other silos and clients reach this one at. Unset, Orleans picks an address of
    /// this machine; several nodes on one machine set <c>127.0.0.1</c>.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Whether the API process hosts a silo (true) or joins the cluster as an Orleans client of silo-only nodes.</summary>
    public bool HostSilo { get; set; } = true;

    /// <summary>
    /// Calls one grain activation may have queued or running; beyond it a call is refused at once
    /// and the API answers 503 with <c>Retry-After</c>. A queue this long takes seconds to drain,
    /// so a call refused here would otherwise have waited out <see cref="ResponseTimeout"/> and
    /// failed anyway, after holding its resident and a connection the whole time. 0 lifts the limit.
    /// </summary>
    public int MaxQueuedCallsPerGrain { get; set; } = 5_000;

    /// <summary>How long a grain call waits for its answer before the caller gets a timeout (and the resident a 503 with <c>Retry-After</c>); Orleans' own default is 30 s, longer than a resident waits.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Problems()
    {
        foreach (var (key, port) in new[] { (nameof(SiloPort), SiloPort), (nameof(GatewayPort), GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                yield return $"{Section}:{key} must be a port from 1 to 65535, not {port}.";
            }
        }

        if (SiloPort == GatewayPort)
        {
            yield return $"{Section}:{nameof(SiloPort)} and {Section}:{nameof(GatewayPort)} must differ (both are {SiloPort}).";
        }

        if (string.IsNullOrWhiteSpace(ServiceId) || string.IsNullOrWhiteSpace(ClusterId))
        {
            yield return $"{Section}:{nameof(ServiceId)} and {Section}:{nameof(ClusterId)} must not be empty.";
        }

        if (!Enum.IsDefined(Membership))
        {
            yield return $"{Section}:{nameof(Membership)} must be Localhost, Postgres or Redis, not {Membership}.";
        }

        if (Membership == ClusterMembership.Redis && string.IsNullOrWhiteSpace(Redis))
        {
            yield return $"{Section}:{nameof(Redis)} must name the Redis server when {Section}:{nameof(Membership)} is Redis.";
        }

        if (MaxQueuedCallsPerGrain < 0)
        {
            yield return $"{Section}:{nameof(MaxQueuedCallsPerGrain)} must be 0 (no limit) or more, not {MaxQueuedCallsPerGrain}.";
        }

        if (ResponseTimeout <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(ResponseTimeout)} must be longer than zero, not {ResponseTimeout}.";
        }
    }
}
