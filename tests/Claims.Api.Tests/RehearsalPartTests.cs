using Claims.Api.Tests.Histories;
using Claims.LoadTests;

namespace Claims.Api.Tests;

/// <summary>
/// A crowd sent in parts (<c>--part k/N</c>) by several generators is the same crowd as one run:
/// no resident in two parts, and <c>merge</c> builds one report from the parts' summaries and
/// latency logs that counts what one run counts.
/// </summary>
public sealed class RehearsalPartTests
{
    [Fact]
    public async Task TwoPartsMergeToTheSameCountsAsOneRun()
    {
        var folder = Directory.CreateTempSubdirectory("claims-parts-");
        var campaign = ApiCampaigns.Open(stock: 10_000);
        var whole = await RunAsync(campaign, RehearsalTests.Options("crowd"));
        var opening = DateTimeOffset.UtcNow.ToString("O");

        // Two generators at once against one deployment, as on two machines.
        using var api = new PlantedFaultApi(campaign, PlantedFault.None);
        var parts = await Task.WhenAll(Enumerable.Range(1, 2).Select(async k =>
        {
            var options = RehearsalTests.Options("crowd", "--part", $"{k}/2", "--start-at", opening);
            using var http = new HttpClient(api, disposeHandler: false) { BaseAddress = new Uri("http://claims.test/") };
            var run = new RehearsalRun(http, options, campaign, new ResidentTokens(TestTokens.SigningKey));
            var summary = await run.RunAsync(TextWriter.Null, null, "stand-in", TestContext.Current.CancellationToken);
            var report = Path.Combine(folder.FullName, $"part{k}.html");
            Assert.Equal(0, await RunOutputs.FinishAsync(summary, run.Recorder, [], report, TextWriter.Null, TestContext.Current.CancellationToken));
            return (Summary: summary, File: RunOutputs.SummaryPath(report));
        }));
        var (merged, _) = MergeCommand.Merge([.. parts.Select(p => p.File)]);

        var residents = parts.Select(p => p.Summary.Grants.Select(g => g.ResidentId).ToHashSet()).ToList();
        Assert.Empty(residents[0].Intersect(residents[1]));
        Assert.Equal(whole.Grants.Select(g => g.ResidentId).Order(), merged.Grants.Select(g => g.ResidentId).Order());
        Assert.Equal((whole.Requests, whole.Answered), (merged.Requests, merged.Answered));
        Assert.Equal(whole.Outcomes.Select(o => (o.Outcome, o.Count)), merged.Outcomes.Select(o => (o.Outcome, o.Count)));
        Assert.Equal(whole.Timeline.Sum(s => s.Arrivals), merged.Timeline.Sum(s => s.Arrivals));
        Assert.Equal(parts.Sum(p => p.Summary.Requests), merged.Requests);
        Assert.Empty(merged.Violations);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task MergeRefusesACrowdWithAPartMissing()
    {
        var folder = Directory.CreateTempSubdirectory("claims-parts-");
        var campaign = ApiCampaigns.Open(stock: 10_000);
        var options = RehearsalTests.Options("alone", "--crowd", "20", "--part", "1/2", "--start-at", DateTimeOffset.UtcNow.ToString("O"));
        using var http = new HttpClient(new PlantedFaultApi(campaign, PlantedFault.None)) { BaseAddress = new Uri("http://claims.test/") };
        var run = new RehearsalRun(http, options, campaign, new ResidentTokens(TestTokens.SigningKey));
        var report = Path.Combine(folder.FullName, "part1.html");
        await RunOutputs.FinishAsync(await run.RunAsync(TextWriter.Null, null, "stand-in", TestContext.Current.CancellationToken), run.Recorder, [], report, TextWriter.Null, TestContext.Current.CancellationToken);
        using var error = new StringWriter();

        var exitCode = await RehearsalProgram.RunAsync(["merge", RunOutputs.SummaryPath(report)], TextWriter.Null, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("Part 2/2 must be given exactly once.", error.ToString(), StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    private static async Task<RunSummary> RunAsync(CampaignDefinition campaign, RehearsalOptions options)
    {
        using var http = new HttpClient(new PlantedFaultApi(campaign, PlantedFault.None)) { BaseAddress = new Uri("http://claims.test/") };
        return await new RehearsalRun(http, options, campaign, new ResidentTokens(TestTokens.SigningKey)).RunAsync(TextWriter.Null, null, "stand-in", TestContext.Current.CancellationToken);
    }
}
