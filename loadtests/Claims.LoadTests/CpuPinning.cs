using System.Diagnostics;

namespace Claims.LoadTests;

/// <summary>
/// Keeps the tool to the cores of <c>--cpus</c>. Setting the affinity from inside would move only
/// the calling thread, after the runtime has sized its GC heaps and thread pool to every core; so
/// a process not yet on those cores starts itself again under taskset and passes on its exit code.
/// </summary>
public static class CpuPinning
{
    public static bool IsOn(CpuSet cpus) => !OperatingSystem.IsLinux() || Process.GetCurrentProcess().ProcessorAffinity == (nint)cpus.Mask;

    public static async Task<int> RunAgainOnAsync(CpuSet cpus, IReadOnlyList<string> args)
    {
        // Under `dotnet Claims.LoadTests.dll` the process is dotnet, and the assembly its first argument.
        var self = Environment.ProcessPath!;
        string[] command = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [self, Environment.GetCommandLineArgs()[0], .. args] : [self, .. args];
        using var pinned = Process.Start(new ProcessStartInfo("taskset", ["-c", cpus.ToString(), .. command]))!;
        await pinned.WaitForExitAsync();
        return pinned.ExitCode;
    }
}
