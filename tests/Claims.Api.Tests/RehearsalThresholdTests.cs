using System.Text.Json;
using Claims.Api.Tests.Histories;
using Claims.LoadTests;

namespace Claims.Api.Tests;

/// <summary>
/// Thresholds gate a release: a run that misses one exits non-zero and its report says which; a
/// threshold that cannot be read stops the tool before it sends anything.
/// </summary>
public sealed class RehearsalThresholdTests
{
    [Fact]
    public async Task APlantedSlowServerFailsTheLatencyThresholdAndTheReportSaysWhich()
    {
        var campaign = ApiCampaigns.Open(stock: 10_000);
        using var http = new HttpClient(new SlowApi(new PlantedFaultApi(campaign, PlantedFault.None), TimeSpan.FromMilliseconds(300))) { BaseAddress = new Uri("http://claims.test/") };
        var options = RehearsalTests.Options("slow", "--crowd", "100", "--threshold", "p99<100ms", "--threshold", "errors=0", "--threshold", "invariants", "--threshold", "sold_out.p50<200ms");
        var run = new RehearsalRun(http, options, campaign, new ResidentTokens(TestTokens.SigningKey));
        var folder = Directory.CreateTempSubdirectory("claims-thresholds-");
        var report = Path.Combine(folder.FullName, "slow.html");
        using var output = new StringWriter();

        var summary = await run.RunAsync(TextWriter.Null, null, "stand-in", TestContext.Current.CancellationToken);
        var exitCode = await RunOutputs.FinishAsync(summary, run.Recorder, options.Thresholds, report, output, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        var written = RunOutputs.Read(RunOutputs.SummaryPath(report));
        Assert.Equal(
            [("p99<100ms", false), ("errors=0", true), ("invariants", true), ("sold_out.p50<200ms", false)],
            written.Thresholds.Select(t => (t.Expression, t.Passed)));
        Assert.Equal("no sold_out answers", written.Thresholds[3].Actual);
        Assert.Contains("Threshold p99<100ms: FAILED", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("<td>p99&lt;100ms</td><td>failed</td>", await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    [Theory]
    [InlineData("p99<fast", "is not FIGURE OP VALUE")]
    [InlineData("latency<5ms", "no figure is called 'latency'")]
    [InlineData("p99<5MiB", "'MiB' is not a unit of p99")]
    [InlineData("errors<5ms", "'ms' is not a unit of errors")]
    public async Task AThresholdThatCannotBeReadStopsTheToolWithItsSyntax(string threshold, string complaint)
    {
        using var error = new StringWriter();

        var exitCode = await RehearsalProgram.RunAsync(["--embedded", "--campaign", "samples/lushan-2023.json", "--threshold", threshold], TextWriter.Null, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains(complaint, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Thresholds: --threshold", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p99<0.5s", "p99", 500, false)]
    [InlineData("granted.p99.9 <= 250us", "granted.p99.9", 0.25, false)]
    [InlineData("errors<1%", "errors", 1, true)]
    [InlineData("server.memory<1GiB", "server.memory", 1024.0 * 1024 * 1024, false)]
    [InlineData("all_sold_out<1m", "all_sold_out", 60_000, false)]
    public void AThresholdReadsItsFigureAndUnit(string expression, string figure, double limit, bool share)
    {
        var threshold = Threshold.Parse(expression);

        Assert.Equal((figure, limit, share), (threshold.Figure, threshold.Limit, threshold.Share));
    }

    [Fact]
    public void AShareOfErrorsIsHeldAgainstTheRequests()
    {
        var run = RunSummaries.Run(p99: 10) with { Requests = 1000, Errors = 20 };

        Assert.False(Threshold.Parse("errors<1%").Evaluate(run).Passed);
        Assert.True(Threshold.Parse("errors<=2%").Evaluate(run).Passed);
        Assert.Equal("2.00% (20 of 1,000)", Threshold.Parse("errors<1%").Evaluate(run).Actual);
        Assert.Equal(JsonSerializer.Serialize(run, RunSummary.Json), JsonSerializer.Serialize(JsonSerializer.Deserialize<RunSummary>(JsonSerializer.Serialize(run, RunSummary.Json), RunSummary.Json), RunSummary.Json));
    }
}
