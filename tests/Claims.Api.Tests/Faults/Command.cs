using System.Diagnostics;

namespace Claims.Api.Tests.Faults;

/// <summary>Runs a tool of the machine (pg_ctl, ip, kill...) to its end, failing with its output when it fails.</summary>
public static class Command
{
    public static async Task RunAsync(string command, params string[] arguments)
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

    /// <summary>Whether the tests run as root, which network namespaces and mounts need.</summary>
    public static bool RunningAsRoot => Environment.UserName == "root";
}
