using Claims.Api.Tests.Faults;
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

    /// <summary>
    /// Starts a server listening on <paramref name="listenAddress"/> (any address with <c>*</c>),
    /// trusting every client that reaches it, as a test's throwaway server may.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(string listenAddress = "127.0.0.1")
    {
        var pgCtl = Environment.GetEnvironmentVariable("CLAIMS_TEST_PG_CTL");
        Assert.SkipWhen(string.IsNullOrEmpty(pgCtl), "CLAIMS_TEST_PG_CTL is not set: run the tests with scripts/test.sh, which installs PostgreSQL.");
        var root = Directory.CreateTempSubdirectory("claims-pg-");
        var server = new PostgresServer(Path.GetDirectoryName(pgCtl)!, root, FreePort.Next());
        if (Command.RunningAsRoot)
        {
            // The server refuses to run as root: it runs as the account the package created.
            await Command.RunAsync("chown", "postgres", root.FullName);
        }

        await server.RunAsServerAccountAsync("initdb", "-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync");
        await File.AppendAllTextAsync(Path.Combine(server.DataDirectory, "pg_hba.conf"), "host all all 0.0.0.0/0 trust\n");
        var port = new NpgsqlConnectionStringBuilder(server.ConnectionString).Port;
        await server.RunAsServerAccountAsync("pg_ctl", "-D", server.DataDirectory, "-l", Path.Combine(root.FullName, "log"), "-w", "-o",
            $"-p {port} -k {root.FullName} -c listen_addresses='{listenAddress}' -c max_connections=200", "start");
        return server;
    }

    /// <summary>
    /// Stops the server the way a crash or a kill does (no checkpoint, clients cut off) and starts
    /// it again on the same port, which replays its write-ahead log.
    /// </summary>
    public Task RestartAsync() =>
        RunAsServerAccountAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "restart");

    /// <summary>The connection string to this server through another of its addresses.</summary>
    public string ConnectionStringAt(string host) => new NpgsqlConnectionStringBuilder(ConnectionString) { Host = host }.ConnectionString;

    /// <summary>
    /// Stops every process of the server (SIGSTOP), as a stalled disk or an overloaded host does:
    /// connections stay open, and nothing on them is answered until <see cref="ResumeAsync"/>.
    /// </summary>
    public async Task StallAsync()
    {
        var postmaster = await PostmasterAsync();
        await Command.RunAsync("pkill", "-STOP", "-P", postmaster);
        await Command.RunAsync("kill", "-STOP", postmaster);
    }

    public async Task ResumeAsync()
    {
        var postmaster = await PostmasterAsync();
        await Command.RunAsync("kill", "-CONT", postmaster);
        await Command.RunAsync("pkill", "-CONT", "-P", postmaster);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsServerAccountAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        _root.Delete(recursive: true);
    }

    private async Task<string> PostmasterAsync() => (await File.ReadAllLinesAsync(Path.Combine(DataDirectory, "postmaster.pid")))[0].Trim();

    private Task RunAsServerAccountAsync(string tool, params string[] arguments) =>
        Command.RunningAsRoot
            ? Command.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : Command.RunAsync(Path.Combine(_bin, tool), arguments);
}
