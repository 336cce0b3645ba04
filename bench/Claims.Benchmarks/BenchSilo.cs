using System.Net;
using System.Net.Sockets;
using Claims.Silo;
using Claims.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Claims.Benchmarks;

/// <summary>A real Claims silo hosted in the benchmark process, configured as the product configures it.</summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host)
    {
        _host = host;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// Starts a silo on <paramref name="provider"/>: SQLite in <paramref name="dataDirectory"/>,
    /// or the PostgreSQL database of <paramref name="connectionString"/>, whose schema the caller applied.
    /// </summary>
    public static async Task<BenchSilo> StartAsync(StorageProvider provider, string? dataDirectory = null, string? connectionString = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Free ports, so a silo left behind by an earlier benchmark cannot collide with this one.
            [$"{ClaimsClusterOptions.Section}:{nameof(ClaimsClusterOptions.SiloPort)}"] = FreePort().ToString(),
            [$"{ClaimsClusterOptions.Section}:{nameof(ClaimsClusterOptions.GatewayPort)}"] = FreePort().ToString(),
            [$"{ClaimsClusterOptions.Section}:{nameof(ClaimsClusterOptions.ServiceId)}"] = "claims-bench",
            [$"{ClaimsClusterOptions.Section}:{nameof(ClaimsClusterOptions.ClusterId)}"] = $"bench-{provider}".ToLowerInvariant(),

            // The bare hot-grain burst queues all its 10,000 calls at one grain; claims are batched.
            [$"{ClaimsClusterOptions.Section}:{nameof(ClaimsClusterOptions.MaxQueuedCallsPerGrain)}"] = "20000",
            [$"{ClaimsStorageOptions.Section}:{nameof(ClaimsStorageOptions.Provider)}"] = provider.ToString(),
            [$"{ClaimsStorageOptions.Section}:{nameof(ClaimsStorageOptions.DataDirectory)}"] = dataDirectory,
            [$"{ClaimsStorageOptions.Section}:{nameof(ClaimsStorageOptions.ConnectionString)}"] = connectionString,

            // Console logging of every activation would be measured too.
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddClaimsSilo();
        var host = builder.Build();
        await host.StartAsync();

        // The benchmarks share a process: start each from a clean heap, not amid the previous silo's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new BenchSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
