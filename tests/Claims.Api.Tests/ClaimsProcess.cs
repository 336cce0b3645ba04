using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Claims.Api.Tests.Faults;
using System.Net.Http.Headers;

namespace Claims.Api.Tests;

/// <summary>The real Claims process (silo and API in one), started from the build output, killable like a crashed server.</summary>
public sealed class ClaimsProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly Uri? _address;

    private ClaimsProcess(Process process, Uri? address, int siloPort)
    {
        _process = process;
        _address = address;
        SiloPort = siloPort;
    }

    /// <summary>The port of the node's silo, by which the membership table knows it.</summary>
    public int SiloPort { get; }

    /// <summary>Where the node's HTTP API listens; a silo-only node has none.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("A silo-only node serves no HTTP.");

    /// <summary>
    /// Starts a node; <paramref name="settings"/> are configuration keys (<c>Storage:Provider</c>,
    /// …) added to the defaults. Inside a network namespace, the node listens on the namespace's
    /// address; <paramref name="environment"/> is added to the process's environment as it is.
    /// </summary>
    public static async Task<ClaimsProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, NetworkNamespace? inside = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var address = new Uri($"http://{inside?.InnerAddress ?? "127.0.0.1"}:{FreePort.Next()}");
        var started = Launch(Path.Combine(AppContext.BaseDirectory, "Claims.Host.dll"), address, dataDirectory, settings, inside, environment);
        await started.WaitUntilReadyAsync();
        return started;
    }

    /// <summary>
    /// Starts a silo-only node (<c>src/Silo</c>), which serves no HTTP: it is ready once its host
    /// has started, which is after the silo joined the cluster.
    /// </summary>
    public static async Task<ClaimsProcess> StartSiloAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var started = Launch(SiloAssembly, address: null, dataDirectory, new Dictionary<string, string>(settings)
        {
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        });
        await started.WaitUntilAsync(() => Task.FromResult(started._output.Any(line => line.Contains("Application started", StringComparison.Ordinal))));
        return started;
    }

    // The silo host's own build output: this project's carries the API's dependencies, not the
    // generic host's. Same configuration and framework folders as this test's.
    private static string SiloAssembly
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory);
            var (framework, configuration) = (output.Name, output.Parent!.Name);
            return Path.GetFullPath(Path.Combine(output.FullName, "../../../../../src/Silo/bin", configuration, framework, "Claims.Silo.dll"));
        }
    }

    private static ClaimsProcess Launch(string assembly, Uri? address, string dataDirectory, IReadOnlyDictionary<string, string>? settings, NetworkNamespace? inside = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var line = inside?.Wrap("dotnet", assembly) ?? ["dotnet", assembly];
        var siloPort = FreePort.Next();
        var start = new ProcessStartInfo(line[0], line[1..])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = address?.ToString() ?? "",
                ["Auth__SigningKey"] = TestTokens.SigningKey,
                ["Storage__DataDirectory"] = dataDirectory,
                ["Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
                ["Cluster__GatewayPort"] = FreePort.Next().ToString(),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var started = new ClaimsProcess(process, address, siloPort);
        process.OutputDataReceived += (_, line) => started.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => started.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>The last lines the process wrote, to explain a failure.</summary>
    public string RecentOutput => string.Join('\n', _output);

    public HttpClient ClientFor(string token) => new()
    {
        BaseAddress = Address,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crash leaves behind.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process keeps its sockets and its memory and does nothing, as a node in a long pause does.</summary>
    public Task PauseAsync() => Command.RunAsync("kill", "-STOP", _process.Id.ToString(CultureInfo.InvariantCulture));

    public Task ResumeAsync() => Command.RunAsync("kill", "-CONT", _process.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Whether the process ends by itself within <paramref name="timeout"/>.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    // The last lines the process wrote, to explain a failed start.
    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        await WaitUntilAsync(async () =>
        {
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                return ready.IsSuccessStatusCode;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or listening but still starting.
                return false;
            }
        });
    }

    private async Task WaitUntilAsync(Func<Task<bool>> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Claims exited with {_process.ExitCode} while starting:\n{RecentOutput}");
            }

            if (await ready())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Claims did not become ready within 90 s:\n{RecentOutput}");
    }
}
