namespace Claims.Silo;

/// <summary>How this silo joins its cluster (configuration section <c>Cluster</c>).</summary>
public sealed class ClaimsClusterOptions
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
}
