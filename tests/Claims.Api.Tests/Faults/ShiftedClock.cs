using System.Globalization;

namespace Claims.Api.Tests.Faults;

/// <summary>
/// A wall clock of the test's own for one node: libfaketime preloaded into the node's process
/// reads the clock's offset from a file the test rewrites, while the monotonic clock runs on
/// untouched, as a step of the machine's clock (a bad NTP correction, a date set by hand) leaves
/// it. Skipped where the test command did not provide libfaketime.
/// </summary>
public sealed class ShiftedClock : IDisposable
{
    private readonly string _library;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"claims-clock-{Guid.NewGuid():N}");

    private ShiftedClock(string library)
    {
        _library = library;
        Shift(TimeSpan.Zero);
    }

    /// <summary>The environment that puts a process on this clock.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["LD_PRELOAD"] = _library,
        ["FAKETIME_TIMESTAMP_FILE"] = _file,
        ["FAKETIME_NO_CACHE"] = "1",
        ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1",

        // The fix makes timed waits on the monotonic clock return early, so the runtime's timers
        // (a database read's timeout among them) would fire before their time.
        ["FAKETIME_FORCE_MONOTONIC_FIX"] = "0",
    };

    public static ShiftedClock Create()
    {
        var library = System.Environment.GetEnvironmentVariable("CLAIMS_TEST_FAKETIME");
        Assert.SkipWhen(library is null || !File.Exists(library), "CLAIMS_TEST_FAKETIME does not name libfaketime: run the tests with scripts/test.sh.");
        return new ShiftedClock(library!);
    }

    /// <summary>Sets the node's wall clock <paramref name="offset"/> away from the machine's, at once.</summary>
    public void Shift(TimeSpan offset) =>
        File.WriteAllText(_file, string.Create(CultureInfo.InvariantCulture, $"{(offset < TimeSpan.Zero ? '-' : '+')}{(long)offset.Duration().TotalSeconds}\n"));

    public void Dispose() => File.Delete(_file);
}
