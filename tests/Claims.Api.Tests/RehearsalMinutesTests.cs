using System.Globalization;
using System.Text.Json;
using Claims.LoadTests;

namespace Claims.Api.Tests;

/// <summary>
/// A soak read minute by minute (<c>minutes</c>): each minute's rates, grants, latency from the
/// latency log and the server's memory, and the memory's growth per grant after the settling
/// minutes; and the held peak that makes a soak's arrivals flat.
/// </summary>
public sealed class RehearsalMinutesTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task MinutesShowEachMinuteAndTheMemoryGrownPerGrantAfterTheSettlingMinutes()
    {
        var folder = Directory.CreateTempSubdirectory("claims-minutes-");
        var summary = Path.Combine(folder.FullName, "soak.json");
        var start = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

        // Four minutes of 10 grants a second answered in 20 ms, but minute 2's answers in 400 ms;
        // the server grows 100 MiB in the first minute, then 6 MiB a minute.
        var recorder = new Recorder();
        for (var second = 0; second < 240; second++)
        {
            for (var i = 0; i < 10; i++)
            {
                var due = TimeSpan.FromSeconds(second + (i / 10.0));
                recorder.Record(Rehearsal.Granted, due, due + TimeSpan.FromMilliseconds(second / 60 == 2 ? 400 : 20));
            }
        }

        LatencyLog.Write(Path.ChangeExtension(summary, ".hlog"), start, recorder);
        var run = RunSummaries.Run(p99: 20) with
        {
            StartedAt = start,
            LatencyLog = "soak.hlog",
            Timeline = [.. Enumerable.Range(0, 240).Select(s => new SecondFigures(s, 10, 0, new Dictionary<string, long> { [Rehearsal.Granted] = 10 }, 20, 20, 20))],
            Server = [.. Enumerable.Range(1, 240).Select(s => new ProcessSample(s, 50, (s <= 60 ? 100 * MiB * s / 60 : (100 * MiB) + (6 * MiB * (s - 60) / 60)) + (200 * MiB)))],
        };
        await File.WriteAllTextAsync(summary, JsonSerializer.Serialize(run, RunSummary.Json), TestContext.Current.CancellationToken);
        using var output = new StringWriter();

        var exitCode = await RehearsalProgram.RunAsync(["minutes", summary, "--settle", "1"], output, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var rows = output.ToString().Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])).Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToList();
        Assert.Equal(["0", "1", "2", "3"], rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.Equal(("10", "10", "600"), (r[2], r[3], r[4])));
        Assert.Equal(["600", "1,200", "1,800", "2,400"], rows.Select(r => r[5]));
        Assert.Equal([20, 20, 400, 20], rows.Select(r => Math.Round(double.Parse(r[6], CultureInfo.InvariantCulture))));
        Assert.Equal(["300", "306", "312", "318"], rows.Select(r => r[10]));
        Assert.Contains("Server memory from minute 1 to 3: 306 to 318 MiB (+12 MiB, +6.0 MiB a minute) over 1,200 grants, 10,486 bytes per grant.", output.ToString(), StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    [Fact]
    public void AHeldPeakKeepsArrivalsFlatUntilItDecays()
    {
        var shape = new SpikeShape(Peak: 100, Ramp: TimeSpan.FromSeconds(10), HalfLife: TimeSpan.FromSeconds(5), Hold: TimeSpan.FromSeconds(60));

        Assert.Equal(50, shape.RateAt(TimeSpan.FromSeconds(5)));
        Assert.All(new[] { 10, 40, 69 }, s => Assert.Equal(100, shape.RateAt(TimeSpan.FromSeconds(s))));
        Assert.Equal(50, shape.RateAt(TimeSpan.FromSeconds(75)), precision: 6);
        Assert.Equal(1000 / ((10 / 2.0) + 60 + (5 / Math.Log(2))), SpikeShape.PeakFor(1000, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)), precision: 6);
    }

    [Fact]
    public async Task MinutesWantOneSummary()
    {
        using var error = new StringWriter();

        var exitCode = await RehearsalProgram.RunAsync(["minutes"], TextWriter.Null, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains(MinutesCommand.Usage, error.ToString(), StringComparison.Ordinal);
    }
}
