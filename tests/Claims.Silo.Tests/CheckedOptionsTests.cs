using Claims.Client;
using Claims.Silo.Storage;
using Claims.Silo.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace Claims.Silo.Tests;

public sealed class CheckedOptionsTests
{
    [Theory]
    [InlineData("Cluster:SiloPort", "0", "Cluster:SiloPort")]
    [InlineData("Cluster:GatewayPort", "11111", "Cluster:GatewayPort")]
    [InlineData("Cluster:Membership", "Redis", "Cluster:Redis")]
    [InlineData("Cluster:ResponseTimeout", "00:00:00", "Cluster:ResponseTimeout")]
    public void AClusterSettingThatCannotWorkIsRefusedByItsKey(string key, string value, string named)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Settings((key, value)).GetChecked<ClaimsClusterOptions>(ClaimsClusterOptions.Section));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresStorageWithoutADatabaseIsRefused()
    {
        var exception = Assert.Throws<OptionsValidationException>(() =>
            Settings(("Storage:Provider", "Postgres")).GetChecked<ClaimsStorageOptions>(ClaimsStorageOptions.Section));

        Assert.Contains("Storage:ConnectionString", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySettingAtItsDefaultIsAccepted()
    {
        var configuration = Settings();

        Assert.Equal(11111, configuration.GetChecked<ClaimsClusterOptions>(ClaimsClusterOptions.Section).SiloPort);
        Assert.Equal(StorageProvider.Sqlite, configuration.GetChecked<ClaimsStorageOptions>(ClaimsStorageOptions.Section).Provider);
        Assert.Null(configuration.GetChecked<TelemetryOptions>(TelemetryOptions.Section).WithStandardVariables(configuration).OtlpEndpoint);
    }

    [Fact]
    public void OpenTelemetrysStandardVariablesStandInForUnsetTelemetrySettings()
    {
        var configuration = Settings(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
            ("OTEL_SERVICE_NAME", "claims-node-3"));

        var telemetry = configuration.GetChecked<TelemetryOptions>(TelemetryOptions.Section).WithStandardVariables(configuration);

        Assert.Equal(new Uri("http://collector:4317"), telemetry.OtlpEndpoint);
        Assert.Equal(OtlpExportProtocol.Grpc, telemetry.OtlpProtocol);
        Assert.Equal("claims-node-3", telemetry.ServiceName);
    }

    [Fact]
    public void TelemetrySettingsOfOursWinOverTheStandardVariables()
    {
        var configuration = Settings(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
            ("Telemetry:OtlpEndpoint", "http://ours:4318"),
            ("Telemetry:OtlpProtocol", "HttpProtobuf"));

        var telemetry = configuration.GetChecked<TelemetryOptions>(TelemetryOptions.Section).WithStandardVariables(configuration);

        Assert.Equal(new Uri("http://ours:4318"), telemetry.OtlpEndpoint);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, telemetry.OtlpProtocol);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
