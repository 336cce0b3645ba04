using Claims.Api.Tests.Histories;
using Claims.LoadTests;

namespace Claims.Api.Tests;

/// <summary>The rehearsal tool, run on a small crowd: against the real API its invariant check passes; against an API that oversells it reports the violation.</summary>
public sealed class RehearsalTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    private static RehearsalOptions Options(string prefix) => RehearsalOptions.Parse(
        ["--url", "http://claims.test/", "--signing-key", TestTokens.SigningKey, "--campaign", "unused.json", "--crowd", "300", "--ramp", "0.1", "--half-life", "0.1", "--prefix", prefix, "--bots", "0.02", "--repeat", "0.1"]);

    [Fact]
    public async Task ARehearsalOfTheRealApiFindsEveryInvariantHolding()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 40));
        using var http = factory.CreateClient();
        var tokens = new ResidentTokens(TestTokens.SigningKey);
        var rehearsal = new Rehearsal(http, Options("real"), campaign, tokens);

        await rehearsal.RunAsync(TextWriter.Null, TestContext.Current.CancellationToken);
        var violations = await new InvariantCheck(http, campaign, tokens).RunAsync(rehearsal.Recorder, TestContext.Current.CancellationToken);

        Assert.Empty(violations);
        Assert.NotEmpty(rehearsal.Recorder.SoldOutAt);
        Assert.Contains(rehearsal.Recorder.ByOutcome(), o => o.Outcome == "429 rate_limited");
        Assert.Equal(rehearsal.Recorder.Sent, rehearsal.Recorder.Answered);
    }

    [Fact]
    public async Task APlantedOversellIsReportedAsAViolation()
    {
        var campaign = ApiCampaigns.Open(stock: 10);
        using var http = new HttpClient(new PlantedFaultApi(campaign, PlantedFault.GrantsPastStock)) { BaseAddress = new Uri("http://claims.test/") };
        var tokens = new ResidentTokens(TestTokens.SigningKey);
        var rehearsal = new Rehearsal(http, Options("planted"), campaign, tokens);

        await rehearsal.RunAsync(TextWriter.Null, TestContext.Current.CancellationToken);
        var violations = await new InvariantCheck(http, campaign, tokens).RunAsync(rehearsal.Recorder, TestContext.Current.CancellationToken);

        Assert.Contains(violations, v => v.Contains("oversold", StringComparison.Ordinal));
        var report = new RehearsalReport(Options("planted"), campaign.Id, rehearsal.Elapsed, rehearsal.Recorder, violations, null);
        Assert.Contains("VIOLATION", Print(report), StringComparison.Ordinal);
        Assert.Contains("class=\"bad\"", report.Html(), StringComparison.Ordinal);
    }

    private static string Print(RehearsalReport report)
    {
        using var text = new StringWriter();
        report.Print(text);
        return text.ToString();
    }
}
