namespace Claims.Api.Tests;

/// <summary>A setting that cannot work stops the process at start, naming its key, before any claim meets it.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Admission:ResidentBurst", "-1")]
    [InlineData("Admission:SoldOutRecheck", "00:00:00")]
    [InlineData("WarmUp:Lead", "-00:01:00")]
    [InlineData("Lifecycle:TickPeriod", "00:00:00")]
    [InlineData("Risk:MinimumSpendShare", "1.5")]
    [InlineData("Samples:Directory", "")]
    public async Task TheProcessWillNotStartWithASettingThatCannotWork(string key, string value)
    {
        var settings = new Dictionary<string, string> { [key] = value };
        if (key.StartsWith("Samples:", StringComparison.Ordinal))
        {
            settings["Samples:Load"] = "true";
        }

        await using var host = ClaimsApiFactory.With(settings);

        var error = Assert.ThrowsAny<Exception>(() => host.Server);

        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }
}
