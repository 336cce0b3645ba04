using Claims.Client.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Claims.Silo.Telemetry;

public static class TelemetryHostingExtensions
{
    /// <summary>
    /// Exports, over OTLP, Claims' own meter, Orleans' meters and grain-call traces, and ASP.NET
    /// Core's (which the framework emits by itself) when <c>Telemetry:OtlpEndpoint</c> or the
    /// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// Without it nothing is collected: recording every request's spans for nobody would cost
    /// the rush.
    /// </summary>
    public static IHostApplicationBuilder AddClaimsTelemetry(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetChecked<TelemetryOptions>(TelemetryOptions.Section).WithStandardVariables(builder.Configuration);
        if (options.OtlpEndpoint is not { } endpoint)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(ClaimsMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"))
            .WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.AspNetCore"))
            .UseOtlpExporter(options.OtlpProtocol, endpoint);
        builder.Services.Configure<MetricReaderOptions>(reader =>
            reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.MetricExportInterval.TotalMilliseconds);
        return builder;
    }
}
