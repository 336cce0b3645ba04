using System.Globalization;
using System.Text;
using OxyPlot;

namespace Claims.LoadTests;

/// <summary>
/// <c>Claims.LoadTests compare A.json B.json</c>: two runs' summaries side by side, each figure
/// with its change from A to B, as a text table and an HTML page with both runs' answers and p99
/// over time; so a release can be held against the last one.
/// </summary>
public static class CompareCommand
{
    public const string Usage = "Usage: Claims.LoadTests compare A.json B.json [--report compare.html]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        RunSummary a, b;
        string report;
        try
        {
            var (files, values, thresholds) = RehearsalOptions.ReadFiles(args, ["report"]);
            if (files.Count != 2 || thresholds.Count > 0)
            {
                throw new ArgumentException("Give two run summaries, and no thresholds.");
            }

            (a, b) = (RunOutputs.Read(files[0]), RunOutputs.Read(files[1]));
            report = values.GetValueOrDefault("report") ?? "compare.html";
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or System.Text.Json.JsonException)
        {
            error.WriteLine(exception.Message);
            error.WriteLine(Usage);
            return 2;
        }

        var rows = Rows(a, b);
        output.WriteLine($"{"figure",-36} {"A",16} {"B",16}  change");
        foreach (var (name, before, after) in rows)
        {
            output.WriteLine($"{name,-36} {before?.Text ?? "-",16} {after?.Text ?? "-",16}  {Change(before, after)}");
        }

        await File.WriteAllTextAsync(report, Html(a, b, rows), cancellationToken);
        output.WriteLine($"HTML comparison: {Path.GetFullPath(report)}");
        return 0;
    }

    /// <summary>Every figure either run has, in the order of A's figures, then B's own.</summary>
    public static IReadOnlyList<(string Name, RunFigure? A, RunFigure? B)> Rows(RunSummary a, RunSummary b)
    {
        var (before, after) = (RunFigures.Of(a), RunFigures.Of(b));
        return [.. before.Select(f => f.Name).Concat(after.Select(f => f.Name)).Distinct()
            .Select(name => (name, before.FirstOrDefault(f => f.Name == name), after.FirstOrDefault(f => f.Name == name)))];
    }

    /// <summary>B less A in the figure's unit, and in percent of A.</summary>
    public static string Change(RunFigure? before, RunFigure? after)
    {
        if (before?.Value is not { } a || after?.Value is not { } b)
        {
            return "";
        }

        var difference = RunFigure.Format(b - a, after.Kind);
        var sign = b >= a ? "+" : "";
        return a == 0 ? $"{sign}{difference}" : string.Create(CultureInfo.InvariantCulture, $"{sign}{difference} ({(b - a) / Math.Abs(a):+0.0%;-0.0%})");
    }

    private static string Html(RunSummary a, RunSummary b, IReadOnlyList<(string Name, RunFigure? A, RunFigure? B)> rows)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html><html><head><meta charset="utf-8"><title>Rehearsals compared</title><style>{RehearsalReport.Style}</style></head><body>
            <h1>Rehearsals compared</h1><p>A: {Name(a)}<br>B: {Name(b)}</p>
            <table><tr><th>figure</th><th>A</th><th>B</th><th>change</th></tr>
            """);
        foreach (var (name, before, after) in rows)
        {
            var worse = before?.Value is { } x && after?.Value is { } y && after.LowerIsBetter is { } lower && x != y ? (y > x) == lower : (bool?)null;
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{worse switch { true => "bad", false => "good", null => "" }}\"><td>{RehearsalReport.Encode(name)}</td><td>{RehearsalReport.Encode(before?.Text ?? "-")}</td><td>{RehearsalReport.Encode(after?.Text ?? "-")}</td><td>{RehearsalReport.Encode(Change(before, after))}</td></tr>");
        }

        html.Append("</table>");
        RehearsalReport.Chart(html, "answers", ReportCharts.Overlay("Answers per second", millis: false, [("A", Points(a, s => s.Answers.Values.Sum())), ("B", Points(b, s => s.Answers.Values.Sum()))]));
        RehearsalReport.Chart(html, "p99", ReportCharts.Overlay("p99 latency of the answers in each second", millis: true, [("A", Points(a, s => s.P99)), ("B", Points(b, s => s.P99))]));
        return html.Append("</body></html>").ToString();
    }

    private static string Name(RunSummary run) =>
        RehearsalReport.Encode(string.Create(CultureInfo.InvariantCulture, $"{run.CampaignId} on {run.Target}, opened {run.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, crowd {run.Crowd:N0}"));

    private static IEnumerable<DataPoint> Points(RunSummary run, Func<SecondFigures, double?> value) =>
        run.Timeline.Where(s => value(s) > 0).Select(s => new DataPoint(s.Second, value(s)!.Value));
}
