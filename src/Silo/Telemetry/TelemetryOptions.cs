using OpenTelemetry.Exporter;

namespace Claims.Silo.Telemetry;

/// <summary>Where OpenTelemetry sends metrics and traces (configuration section <c>Telemetry</c>); nothing is exported unless an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP collector's base address, e.g. <c>http://collector:4318</c>; unset, neither metrics nor traces are collected.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>HttpProtobuf</c> (the default, port 4318) or <c>Grpc</c> (port 4317).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.HttpProtobuf;

    /// <summary>How often metrics are exported.</summary>
    public TimeSpan MetricExportInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "claims";
}
