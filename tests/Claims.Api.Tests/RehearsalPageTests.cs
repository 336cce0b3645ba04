using System.Text.Json;
using System.Text.Json.Nodes;
using Claims.LoadTests;

namespace Claims.Api.Tests;

/// <summary>
/// The rehearsal's HTML report, from the tool's own command line on its embedded server, opened
/// in a real headless Chromium: every chart is drawn, with its axes' titles and ticks and a legend.
/// </summary>
public sealed class RehearsalPageTests
{
    // Whatever goes wrong, the test ends: the timeout cancels the test's token.
    [Fact(Timeout = 180_000)]
    public async Task TheReportDrawsEveryChartWithItsAxesInChromium()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("claims-rehearsal-page-");
        var campaignFile = Path.Combine(folder.FullName, "campaign.json");
        await File.WriteAllTextAsync(campaignFile, JsonSerializer.Serialize(ApiCampaigns.Open(stock: 50), CampaignJson.Options), cancellation);
        var report = Path.Combine(folder.FullName, "rehearsal.html");

        var exitCode = await RehearsalProgram.RunAsync(
            ["--embedded", "--campaign", campaignFile, "--crowd", "400", "--ramp", "0.5", "--half-life", "0.5", "--report", report, "--threshold", "invariants"],
            TextWriter.Null,
            TextWriter.Null,
            cancellation);

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(RunOutputs.SummaryPath(report)) && File.Exists(RunOutputs.LogPath(report)));
        await using var browser = await HeadlessChromium.StartAsync(cancellation);
        await browser.NavigateAsync(new Uri(report), cancellation);
        var charts = (await browser.EvaluateAsync("""
            [...document.querySelectorAll('figure[data-chart]')].map(f => ({
              name: f.dataset.chart,
              width: f.querySelector('svg').getBoundingClientRect().width,
              lines: f.querySelectorAll('polyline, polygon, path').length,
              texts: [...f.querySelectorAll('text')].map(t => t.textContent),
            }))
            """, cancellation))!.AsArray();

        Assert.Equal(["throughput", "in-flight", "latency", "distribution", "stock", "machine"], charts.Select(c => (string)c!["name"]!));
        foreach (var chart in charts)
        {
            var texts = chart!["texts"]!.AsArray().Select(t => (string)t!).ToList();
            Assert.True((double)chart["width"]! > 0, $"{chart["name"]} is drawn");
            Assert.True((int)chart["lines"]! > 0, $"{chart["name"]} has series");
            Assert.Contains(texts, t => t is "seconds from the opening" or "percentile of the outcome's answers");
            Assert.True(texts.Count(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^[\d,.]+%?$")) >= 4, $"{chart["name"]} has value ticks: {string.Join(" | ", texts)}");
        }

        Assert.Contains("server CPU", Texts(charts, "machine"));
        Assert.Contains("market-10-50", Texts(charts, "stock"));
        Assert.Contains("arrivals (requests due)", Texts(charts, "throughput"));
        Assert.Contains("passed", (string)(await browser.EvaluateAsync("document.querySelector('[data-threshold]').dataset.threshold", cancellation))!, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    private static List<string> Texts(JsonArray charts, string name) =>
        [.. charts.Single(c => (string)c!["name"]! == name)!["texts"]!.AsArray().Select(t => (string)t!)];
}
