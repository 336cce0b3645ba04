using System.Diagnostics;

namespace Claims.Api.Tests;

/// <summary>
/// A Redis server of a test's own, on a free port with nothing kept on disk, so the test can stop
/// it mid-way without disturbing the others. The binary is the one the test command installs.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Configuration = $"127.0.0.1:{port}";
    }

    public string Configuration { get; }

    public static async Task<RedisServer> StartAsync()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CLAIMS_TEST_REDIS")), "CLAIMS_TEST_REDIS is not set: run the tests with scripts/test.sh, which installs Redis.");
        var port = FreePort.Next();
        // Its log goes nowhere: an unread pipe would fill and stall the server.
        var start = new ProcessStartInfo("redis-server", ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--logfile", "/dev/null"]);
        var server = new RedisServer(Process.Start(start)!, port);
        await using var probe = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"{server.Configuration},abortConnect=false");
        for (var attempt = 0; !probe.IsConnected && attempt < 50; attempt++)
        {
            await Task.Delay(100);
        }

        return server;
    }

    /// <summary>Ends the server the way a crash does, dropping every client.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
