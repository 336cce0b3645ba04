using System.Text.Json;

namespace Claims.LoadTests;

/// <summary>
/// What a rehearsal or a merge leaves behind, from the path of its HTML report: the page, the
/// JSON summary beside it (<c>.json</c>) and the latency log (<c>.hlog</c>); and its verdict, the
/// exit code: 1 when an invariant was broken or a threshold failed.
/// </summary>
public static class RunOutputs
{
    public static string SummaryPath(string report) => Path.ChangeExtension(report, ".json");

    public static string LogPath(string report) => Path.ChangeExtension(report, ".hlog");

    /// <summary>Holds the run to <paramref name="thresholds"/>, prints it, writes its files and answers the exit code.</summary>
    public static async Task<int> FinishAsync(RunSummary run, Recorder recorder, IReadOnlyList<Threshold> thresholds, string report, TextWriter output, CancellationToken cancellationToken)
    {
        run = run with { Thresholds = [.. thresholds.Select(t => t.Evaluate(run))], LatencyLog = Path.GetFileName(LogPath(report)) };
        var page = new RehearsalReport(run);
        page.Print(output);
        LatencyLog.Write(LogPath(report), run.StartedAt, recorder);
        await File.WriteAllTextAsync(SummaryPath(report), JsonSerializer.Serialize(run, RunSummary.Json), cancellationToken);
        await File.WriteAllTextAsync(report, page.Html(), cancellationToken);
        output.WriteLine($"HTML report: {Path.GetFullPath(report)}; summary {SummaryPath(report)}, latency log {LogPath(report)}");
        return run.Violations.Count == 0 && run.Thresholds.All(t => t.Passed) ? 0 : 1;
    }

    /// <summary>The latency log a summary read from <paramref name="summaryPath"/> names, beside it.</summary>
    public static string LogBeside(string summaryPath, RunSummary run) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(summaryPath))!, run.LatencyLog ?? throw new ArgumentException($"{summaryPath} names no latency log."));

    public static RunSummary Read(string path) =>
        JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(path), RunSummary.Json) ?? throw new ArgumentException($"{path} holds no run summary.");
}
