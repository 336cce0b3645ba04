using System.Globalization;
using System.Net;
using System.Text;

namespace Claims.LoadTests;

/// <summary>
/// The end of a rehearsal, from its summary: text for the console, and an HTML page with the
/// thresholds, the key figures, charts over time (arrivals and answers by outcome, requests in
/// flight, latency percentiles, each pool's stock, CPU and memory), the latency distribution per
/// outcome, and the invariant check.
/// </summary>
public sealed record RehearsalReport(RunSummary Run)
{
    // "32,400 winners' wallets", or "20,000 of 2,000,000 winners' wallets" when a sample was read.
    private string Wallets()
    {
        var winners = Run.Grants.Select(g => g.ResidentId).Distinct().Count();
        return Run.WalletsChecked is { } read && read < winners ? $"{read:N0} of {winners:N0} winners' wallets (drawn at random)" : $"{winners:N0} winners' wallets";
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"Crowd {Run.Crowd:N0} on {Run.CampaignId}{(Run.Part is null ? "" : $", part {Run.Part}")}: {Run.Requests:N0} requests, {Run.Answered:N0} answered in {Run.Seconds:F1} s ({Figure("throughput")}; peak second {Figure("peak")})");
        output.WriteLine($"Tool CPU: {Run.ToolCpuSeconds:F1} s on {Run.ToolCores} core(s), {Figure("tool.cpu_per_request")} per request");
        if (Run.ServerCpuSeconds is { } serverCpu)
        {
            output.WriteLine($"Server CPU: {serverCpu:F1} s, {Figure("server.cpu_per_request")} per answer; peak memory (resident) {Figure("server.memory")}");
        }

        if (Run.Draw is not null)
        {
            output.WriteLine(Run.Draw);
        }

        output.WriteLine();
        output.WriteLine($"{"outcome",-28} {"count",10} {"p50 ms",9} {"p90 ms",9} {"p99 ms",9} {"p99.9 ms",9} {"max ms",9}");
        foreach (var outcome in Run.Outcomes)
        {
            var l = outcome.Latency;
            output.WriteLine($"{outcome.Outcome,-28} {outcome.Count,10:N0} {l.P50,9:F1} {l.P90,9:F1} {l.P99,9:F1} {l.P999,9:F1} {l.Max,9:F1}");
        }

        output.WriteLine();
        foreach (var pool in Run.Pools.Where(p => p.SoldOutAt is not null).OrderBy(p => p.SoldOutAt))
        {
            output.WriteLine($"{pool.CouponTypeId}: first refused sold out at {pool.SoldOutAt:F2} s");
        }

        output.WriteLine();
        output.WriteLine(Run.Violations.Count == 0
            ? $"Invariants hold: no pool oversold, sold-out pools granted all they had, {Wallets()} match their grants, nobody over a limit."
            : $"{Run.Violations.Count} invariant violation(s):");
        foreach (var violation in Run.Violations.Take(50))
        {
            output.WriteLine($"  VIOLATION {violation}");
        }

        foreach (var threshold in Run.Thresholds)
        {
            output.WriteLine($"Threshold {threshold.Expression}: {(threshold.Passed ? "passed" : "FAILED")} ({threshold.Actual})");
        }
    }

    public string Html()
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html><head><meta charset="utf-8"><title>Rehearsal of {{Encode(Run.CampaignId)}}</title>
            <style>{{Style}}</style>
            </head><body><h1>Rehearsal of {{Encode(Run.CampaignId)}}{{(Run.Part is null ? "" : $", part {Run.Part}")}}</h1>
            <p>{{Encode(Run.Target)}}, opened {{Run.StartedAt:yyyy-MM-dd HH:mm:ss}} UTC. Crowd {{Run.Crowd:N0}}; peak {{Run.PeakArrivals:N0}} arrivals/s after {{Run.RampSeconds:G}} s, held {{Run.HoldSeconds:G}} s, half-life {{Run.HalfLifeSeconds:G}} s.
            {{Run.Requests:N0}} requests, {{Run.Answered:N0}} answered in {{Run.Seconds:F1}} s. Tool CPU {{Run.ToolCpuSeconds:F1}} s on {{Run.ToolCores}} core(s).</p>
            """);
        AppendThresholds(html);
        html.Append("<h2>Key figures</h2><table><tr><th>figure</th><th>value</th></tr>");
        foreach (var figure in RunFigures.Of(Run).Where(f => f.Value is not null && RunFigures.RunNames.Contains(f.Name)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(figure.Name)}</td><td>{Encode(figure.Text)}</td></tr>");
        }

        html.Append("</table>");
        Chart(html, "throughput", ReportCharts.Throughput(Run));
        Chart(html, "in-flight", ReportCharts.InFlight(Run));
        Chart(html, "latency", ReportCharts.LatencyOverTime(Run));
        Chart(html, "distribution", ReportCharts.LatencyDistribution(Run));
        html.Append("<h2>Outcomes</h2><table><tr><th>outcome</th><th>count</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>");
        foreach (var outcome in Run.Outcomes)
        {
            var l = outcome.Latency;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(outcome.Outcome)}</td><td>{outcome.Count:N0}</td>{string.Concat(new[] { l.P50, l.P90, l.P99, l.P999, l.Max }.Select(v => $"<td>{Encode(RunFigure.Format(v, FigureKind.Millis))}</td>"))}</tr>");
        }

        html.Append("</table>");
        Chart(html, "stock", ReportCharts.Stock(Run));
        html.Append("<h2>Sold out</h2><table><tr><th>coupon type</th><th>stock</th><th>first sold_out at (s)</th></tr>");
        foreach (var pool in Run.Pools.OrderBy(p => p.SoldOutAt ?? double.MaxValue))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(pool.CouponTypeId)}</td><td>{pool.Capacity:N0}</td><td>{(pool.SoldOutAt is { } at ? at.ToString("F2", CultureInfo.InvariantCulture) : "-")}</td></tr>");
        }

        html.Append("</table>");
        Chart(html, "machine", ReportCharts.Machine(Run));
        if (Run.Draw is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Draw</h2><p>{Encode(Run.Draw)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Invariants</h2><p class=\"{(Run.Violations.Count == 0 ? "good" : "bad")}\">{(Run.Violations.Count == 0 ? "All hold." : $"{Run.Violations.Count} violation(s):")}</p><ul>");
        foreach (var violation in Run.Violations.Take(200))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"bad\">{Encode(violation)}</li>");
        }

        return html.Append("</ul></body></html>").ToString();
    }

    /// <summary>The page's style, shared with <c>compare</c>'s page.</summary>
    public const string Style = "body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}figure{margin:1em 0}.bad{color:#b00}.good{color:#2e7d32}";

    public static void Chart(StringBuilder html, string name, OxyPlot.PlotModel model) =>
        html.Append(CultureInfo.InvariantCulture, $"<figure data-chart=\"{name}\">{ReportCharts.Svg(name, model)}</figure>");

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    private void AppendThresholds(StringBuilder html)
    {
        if (Run.Thresholds.Count == 0)
        {
            return;
        }

        var failed = Run.Thresholds.Count(t => !t.Passed);
        html.Append(CultureInfo.InvariantCulture, $"<h2>Thresholds</h2><p class=\"{(failed == 0 ? "good" : "bad")}\">{(failed == 0 ? "All passed." : $"{failed} of {Run.Thresholds.Count} failed.")}</p>");
        html.Append("<table><tr><th>threshold</th><th>result</th><th>figure</th></tr>");
        foreach (var threshold in Run.Thresholds)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(threshold.Passed ? "good" : "bad")}\" data-threshold=\"{(threshold.Passed ? "passed" : "failed")}\"><td>{Encode(threshold.Expression)}</td><td>{(threshold.Passed ? "passed" : "failed")}</td><td>{Encode(threshold.Actual)}</td></tr>");
        }

        html.Append("</table>");
    }

    private string Figure(string name) => RunFigures.Of(Run).First(f => f.Name == name).Text;
}
