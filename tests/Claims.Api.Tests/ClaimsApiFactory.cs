using System.Net.Http.Headers;
using System.Text.Json;
using Claims.Client.Admission;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace Claims.Api.Tests;

/// <summary>The whole process (silo and API) on a throwaway SQLite database, as a test host.</summary>
public sealed class ClaimsApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly TimeProvider? _clock;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"claims-api-{Guid.NewGuid():N}");

    /// <summary>The SQLite file this host writes, for tests that look at (or tamper with) the ledger.</summary>
    public string DatabasePath => Path.Combine(_dataDirectory, "claims.db");

    public ClaimsApiFactory()
        : this(new Dictionary<string, string>())
    {
    }

    private ClaimsApiFactory(IReadOnlyDictionary<string, string> settings, TimeProvider? clock = null) => (_settings, _clock) = (settings, clock);

    /// <summary>A host with these settings besides the test defaults.</summary>
    public static ClaimsApiFactory With(IReadOnlyDictionary<string, string> settings) => new(settings);

    /// <summary>A host whose grains read the time from <paramref name="clock"/>; the silo's own maintenance keeps to real time.</summary>
    public static ClaimsApiFactory WithClock(TimeProvider clock) => new(new Dictionary<string, string>(), clock);

    public ClaimAdmission Admission => Services.GetRequiredService<ClaimAdmission>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // A request log per call buries a failing test's message beyond what a CI log keeps.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString());
        builder.UseSetting("Cluster:ClusterId", $"api-tests-{Guid.NewGuid():N}");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_clock is { } clock)
        {
            builder.ConfigureServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton(clock));
                services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            });
        }
    }

    public HttpClient ClientFor(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<CampaignDefinition> CreateCampaignAsync(CampaignDefinition definition)
    {
        using var client = ClientFor(TestTokens.Operator());
        using var response = await client.PostAsJsonAsync("/admin/campaigns", definition, CampaignJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return definition;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
