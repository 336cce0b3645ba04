using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Claims.LoadTests;

/// <summary>
/// The embedded default (one process, SQLite in a temporary directory) started beside the tool
/// from the API build it sits next to, so a rehearsal needs nothing running. Its peak memory is
/// read from the kernel's record of the process.
/// </summary>
public sealed class EmbeddedServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private EmbeddedServer(Process process, string dataDirectory, Uri url)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Url = url;
    }

    public Uri Url { get; }

    public Process Process => _process;

    /// <summary>Starts the server, kept to <paramref name="cpus"/> by taskset when given.</summary>
    public static async Task<EmbeddedServer> StartAsync(TextWriter log, CpuSet? cpus, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("claims-rehearsal-").FullName;
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        string[] host = ["dotnet", Path.Combine(AppContext.BaseDirectory, "Claims.Host.dll")];
        string[] line = cpus is null ? host : ["taskset", "-c", cpus.ToString(), .. host];
        var start = new ProcessStartInfo(line[0], line[1..])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = url.ToString(),
                ["Auth__SigningKey"] = RehearsalOptions.EmbeddedSigningKey,
                ["Storage__DataDirectory"] = dataDirectory,
                ["Cluster__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Cluster__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new EmbeddedServer(process, dataDirectory, url);
        log.WriteLine($"Embedded server (pid {process.Id}{(cpus is null ? "" : $", CPUs {cpus}")}) at {url}, data in {dataDirectory}");
        using var probe = new HttpClient { BaseAddress = url };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("health/ready", cancellationToken)).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (attempt < 300 && !process.HasExited)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
