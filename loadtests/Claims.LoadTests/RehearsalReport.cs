using System.Globalization;
using System.Net;
using System.Text;
using HdrHistogram;

namespace Claims.LoadTests;

/// <summary>The end of a rehearsal: a text summary for the console, and an HTML page with charts of claims/s and latency over time.</summary>
public sealed record RehearsalReport(
    RehearsalOptions Options,
    string CampaignId,
    TimeSpan Elapsed,
    Recorder Recorder,
    IReadOnlyList<string> Violations,
    long? ServerPeakBytes,
    string? Draw = null)
{
    private static readonly double[] Percentiles = [50, 90, 99, 99.9];

    public void Print(TextWriter output)
    {
        var answered = Recorder.Answered;
        output.WriteLine($"Crowd {Options.Crowd:N0} on {CampaignId}: {Recorder.Sent:N0} requests, {answered:N0} answered in {Elapsed.TotalSeconds:F1} s ({answered / Elapsed.TotalSeconds:N0}/s; peak second {PeakPerSecond():N0}/s)");
        if (ServerPeakBytes is { } peak)
        {
            output.WriteLine($"Server peak memory (resident): {peak / 1024.0 / 1024.0:N0} MiB");
        }

        if (Draw is not null)
        {
            output.WriteLine(Draw);
        }

        output.WriteLine();
        output.WriteLine($"{"outcome",-28} {"count",10} {"p50 ms",9} {"p90 ms",9} {"p99 ms",9} {"p99.9 ms",9} {"max ms",9}");
        foreach (var (outcome, latency) in Recorder.ByOutcome())
        {
            output.WriteLine($"{outcome,-28} {latency.TotalCount,10:N0} {string.Join(" ", Percentiles.Select(p => $"{Millis(latency, p),9:F1}"))} {latency.GetMaxValue() / 1000.0,9:F1}");
        }

        output.WriteLine();
        foreach (var (type, at) in Recorder.SoldOutAt.OrderBy(s => s.Value))
        {
            output.WriteLine($"{type}: first refused sold out at {at.TotalSeconds:F2} s");
        }

        output.WriteLine();
        output.WriteLine(Violations.Count == 0
            ? $"Invariants hold: no pool oversold, sold-out pools granted all they had, {Recorder.Grants.Select(g => g.ResidentId).Distinct().Count():N0} winners' wallets match their grants, nobody over a limit."
            : $"{Violations.Count} invariant violation(s):");
        foreach (var violation in Violations.Take(50))
        {
            output.WriteLine($"  VIOLATION {violation}");
        }
    }

    public string Html()
    {
        var seconds = Recorder.BySecond();
        var memory = ServerPeakBytes is { } peak ? string.Create(CultureInfo.InvariantCulture, $" Server peak memory {peak / 1024.0 / 1024.0:N0} MiB.") : "";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html><head><meta charset="utf-8"><title>Rehearsal of {{Encode(CampaignId)}}</title>
            <style>body{font:14px system-ui,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}.bad{color:#b00}</style>
            </head><body><h1>Rehearsal of {{Encode(CampaignId)}}</h1>
            <p>Crowd {{Options.Crowd:N0}}; peak {{Options.Spike.Peak:N0}} arrivals/s after {{Options.Spike.Ramp.TotalSeconds:G}} s, half-life {{Options.Spike.HalfLife.TotalSeconds:G}} s.
            {{Recorder.Answered:N0}} answers in {{Elapsed.TotalSeconds:F1}} s.{{memory}}</p>
            <h2>Answers per second</h2>{{Chart(seconds.Select(s => (s.Second, (double)s.Latency.TotalCount)).ToList(), "answers/s")}}
            <h2>Latency over time (ms, from when each request was due)</h2>{{Chart(seconds.Select(s => (s.Second, Millis(s.Latency, 99))).ToList(), "p99 ms")}}{{Chart(seconds.Select(s => (s.Second, Millis(s.Latency, 50))).ToList(), "p50 ms")}}
            <h2>Outcomes</h2><table><tr><th>outcome</th><th>count</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th></tr>
            """);
        foreach (var (outcome, latency) in Recorder.ByOutcome())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(outcome)}</td><td>{latency.TotalCount:N0}</td>{string.Concat(Percentiles.Select(p => $"<td>{Millis(latency, p):F1}</td>"))}</tr>");
        }

        html.Append("</table><h2>Sold out</h2><table><tr><th>coupon type</th><th>first sold_out at (s)</th></tr>");
        foreach (var (type, at) in Recorder.SoldOutAt.OrderBy(s => s.Value))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(type)}</td><td>{at.TotalSeconds:F2}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</table><h2>Invariants</h2><p class=\"{(Violations.Count == 0 ? "" : "bad")}\">{(Violations.Count == 0 ? "All hold." : $"{Violations.Count} violation(s):")}</p><ul>");
        foreach (var violation in Violations.Take(200))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"bad\">{Encode(violation)}</li>");
        }

        return html.Append("</ul></body></html>").ToString();
    }

    private int PeakPerSecond() => Recorder.BySecond().Select(s => (int)s.Latency.TotalCount).DefaultIfEmpty().Max();

    private static double Millis(LongHistogram latency, double percentile) => latency.GetValueAtPercentile(percentile) / 1000.0;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // A line chart as inline SVG: the report is one file that opens anywhere, without scripts.
    private static string Chart(IReadOnlyList<(int X, double Y)> points, string label)
    {
        const int Width = 720, Height = 200, Margin = 40;
        if (points.Count == 0)
        {
            return "<p>(no data)</p>";
        }

        var maxX = Math.Max(1, points.Max(p => p.X));
        var maxY = Math.Max(1e-9, points.Max(p => p.Y));
        var path = string.Join(" ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Margin + (p.X * (Width - (2 * Margin)) / (double)maxX):F1},{Height - Margin - (p.Y * (Height - (2 * Margin)) / maxY):F1}")));
        return string.Create(CultureInfo.InvariantCulture, $"""
            <svg width="{Width}" height="{Height}" role="img" aria-label="{Encode(label)}"><rect x="{Margin}" y="{Margin}" width="{Width - (2 * Margin)}" height="{Height - (2 * Margin)}" fill="none" stroke="#ccc"/>
            <polyline fill="none" stroke="#1565c0" stroke-width="2" points="{path}"/>
            <text x="{Margin}" y="{Margin - 8}">{Encode(label)} (max {maxY:N1})</text><text x="{Width - Margin}" y="{Height - 12}" text-anchor="end">{maxX} s</text></svg>
            """);
    }
}
