using System.Globalization;
using HdrHistogram;

namespace Claims.LoadTests;

/// <summary>
/// <c>Claims.LoadTests minutes RUN.json</c>: a long run (a soak) minute by minute, from its
/// summary and the latency log beside it, and how much the server's memory grew per grant once
/// the first minutes (start-up, compiling, the heap finding its size) are past: what shows
/// whether memory stays flat but for what the server keeps on purpose.
/// </summary>
public static class MinutesCommand
{
    public const string Usage = "Usage: Claims.LoadTests minutes RUN.json [--settle 5]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        IReadOnlyList<MinuteFigures> minutes;
        int settle;
        try
        {
            var (files, values, thresholds) = RehearsalOptions.ReadFiles(args, ["settle"]);
            if (files.Count != 1 || thresholds.Count > 0)
            {
                throw new ArgumentException("Give one run summary, and no thresholds.");
            }

            settle = !values.TryGetValue("settle", out var text) ? 5
                : int.TryParse(text, CultureInfo.InvariantCulture, out var m) && m >= 0 ? m
                : throw new ArgumentException("--settle must be a whole number of minutes.");
            var run = RunOutputs.Read(files[0]);
            minutes = Of(run, LatencyLog.Read(RunOutputs.LogBeside(files[0], run), run.StartedAt));
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or System.Text.Json.JsonException)
        {
            error.WriteLine(exception.Message);
            error.WriteLine(Usage);
            return 2;
        }

        output.WriteLine("| minute | arrivals/s | answers/s | grants | grants so far | p50 ms | p99 ms | max ms | server CPU % | server MiB |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in minutes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Minute} | {m.ArrivalsPerSecond:N0} | {m.AnswersPerSecond:N0} | {m.Grants:N0} | {m.GrantsSoFar:N0} | {m.P50:N1} | {m.P99:N1} | {m.Max:N0} | {m.ServerCpuPercent?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} | {m.ServerMiB?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} |"));
        }

        output.WriteLine(Growth(minutes, settle));
        return 0;
    }

    public static IReadOnlyList<MinuteFigures> Of(RunSummary run, IReadOnlyList<(int Second, string Outcome, HistogramBase Latency)> log)
    {
        var latency = log.GroupBy(l => l.Second / 60).ToDictionary(g => g.Key, g => Recorder.Sum(g.Select(l => l.Latency)));
        var timeline = run.Timeline.GroupBy(s => s.Second / 60).ToDictionary(g => g.Key);
        // A sample at At covers the second before it: it counts in the minute of that second's middle.
        var server = run.Server.GroupBy(s => (int)Math.Floor((s.At - 0.5) / 60)).ToDictionary(g => g.Key);
        var grantsSoFar = 0L;
        return [.. latency.Keys.Union(timeline.Keys).Order().Select(minute =>
        {
            var seconds = timeline.GetValueOrDefault(minute)?.ToList() ?? [];
            var grants = seconds.Sum(s => s.Answers.GetValueOrDefault(Rehearsal.Granted));
            grantsSoFar += grants;
            var answers = latency.GetValueOrDefault(minute);
            var samples = server.GetValueOrDefault(minute)?.ToList();
            return new MinuteFigures(
                minute,
                seconds.Sum(s => s.Arrivals) / 60.0,
                (answers?.TotalCount ?? 0) / 60.0,
                grants,
                grantsSoFar,
                Millis(answers, 50),
                Millis(answers, 99),
                answers is null ? 0 : answers.GetMaxValue() / 1000.0,
                samples?.Average(s => s.CpuPercent),
                samples?.Last().ResidentBytes / 1024.0 / 1024.0);
        })];
    }

    /// <summary>The server's memory from the end of minute <paramref name="settle"/> to the last minute of arrivals, against the grants made in between.</summary>
    public static string Growth(IReadOnlyList<MinuteFigures> minutes, int settle)
    {
        var measured = minutes.Where(m => m.ServerMiB is not null && m.ArrivalsPerSecond > 0).ToList();
        if (measured.FirstOrDefault(m => m.Minute == settle) is not { } from || measured[^1] is var to && to.Minute <= from.Minute)
        {
            return $"The run has no server memory from minute {settle} on: no growth to report.";
        }

        var (mib, grants) = (to.ServerMiB!.Value - from.ServerMiB!.Value, to.GrantsSoFar - from.GrantsSoFar);
        var perGrant = grants > 0 ? string.Create(CultureInfo.InvariantCulture, $", {mib * 1024 * 1024 / grants:N0} bytes per grant") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Server memory from minute {from.Minute} to {to.Minute}: {from.ServerMiB:N0} to {to.ServerMiB:N0} MiB ({mib:+#,0;-#,0;0} MiB, {mib / (to.Minute - from.Minute):+0.0;-0.0;0} MiB a minute) over {grants:N0} grants{perGrant}.");
    }

    private static double Millis(HistogramBase? latency, double percentile) =>
        latency is null || latency.TotalCount == 0 ? 0 : latency.GetValueAtPercentile(percentile) / 1000.0;
}
