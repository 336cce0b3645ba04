using OpenTelemetry.Exporter;

namespace Claims.Silo.Telemetry;

/// <summary>Where OpenTelemetry sends metrics and traces (configuration section <c>Telemetry</c>); nothing is exported unless an endpoint is set.</summary>
public sealed class TelemetryOptions : ICheckedOptions
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

    public IEnumerable<string> Problems()
    {
        if (OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            yield return $"{Section}:{nameof(OtlpEndpoint)} must be an http or https address, not '{endpoint}'.";
        }

        if (MetricExportInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(MetricExportInterval)} must be longer than zero, not {MetricExportInterval}.";
        }

        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            yield return $"{Section}:{nameof(ServiceName)} must not be empty.";
        }
    }

    /// <summary>
    /// These options with what they leave unset taken from OpenTelemetry's standard variables
    /// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
    /// <c>OTEL_SERVICE_NAME</c>), so a collector set up the usual way needs nothing of ours.
    /// </summary>
    public TelemetryOptions WithStandardVariables(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new TelemetryOptions
        {
            OtlpEndpoint = OtlpEndpoint
                ?? (Uri.TryCreate(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out var endpoint) ? endpoint : null),
            OtlpProtocol = section[nameof(OtlpProtocol)] is null && configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] == "grpc"
                ? OtlpExportProtocol.Grpc
                : OtlpProtocol,
            MetricExportInterval = MetricExportInterval,
            ServiceName = section[nameof(ServiceName)] is null && configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName,
        };
    }
}
