using System.Diagnostics;
using Npgsql;

namespace Claims.Api.Tests;

/// <summary>
/// A PostgreSQL server of one test's own, on a free port and a temporary data directory, so the
/// test can crash and restart it without disturbing the tests that share the test command's
/// server. It uses the binaries of that server (<c>CLAIMS_TEST_PG_CTL</c>); without them the test
/// is skipped.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly DirectoryInfo _root;

    private PostgresServer(string bin, DirectoryInfo root, int port)
    {
        _bin = bin;
        _root = root;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
    }

    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var pgCtl = Environment.GetEnvironmentVariable("CLAIMS_TEST_PG_CTL");
        Assert.SkipWhen(string.IsNullOrEmpty(pgCtl), "CLAIMS_TEST_PG_CTL is not set: run the tests with scripts/test.sh, which installs PostgreSQL.");
        var root = Directory.CreateTempSubdirectory("claims-pg-");
        var server = new PostgresServer(Path.GetDirectoryName(pgCtl)!, root, FreePort.Next());
        if (RunningAsRoot)
        {
            // The server refuses to run as root: it runs as the account the package created.
            await RunAsync("chown", "postgres", root.FullName);
        }

        await server.RunAsServerAccountAsync("initdb", "-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync");
        var port = new NpgsqlConnectionStringBuilder(server.ConnectionString).Port;
        await server.RunAsServerAccountAsync("pg_ctl", "-D", server.DataDirectory, "-l", Path.Combine(root.FullName, "log"), "-w", "-o",
            $"-p {port} -k {root.FullName} -c listen_addresses=127.0.0.1 -c max_connections=200", "start");
        return server;
    }

    /// <summary>
    /// Stops the server the way a crash or a kill does (no checkpoint, clients cut off) and starts
    /// it again on the same port, which replays its write-ahead log.
    /// </summary>
    public Task RestartAsync() =>
        RunAsServerAccountAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "restart");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsServerAccountAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        _root.Delete(recursive: true);
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    private Task RunAsServerAccountAsync(string tool, params string[] arguments) =>
        RunningAsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
