using Claims.Api.Tests.Histories;
using Claims.LoadTests;

namespace Claims.Api.Tests;

/// <summary>The rehearsal tool, run on a small crowd: against the real API its invariant check passes; against an API that oversells it reports the violation.</summary>
public sealed class RehearsalTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    /// <summary>A small crowd's options against a stand-in address, with <paramref name="more"/> options added.</summary>
    public static RehearsalOptions Options(string prefix, params string[] more) => RehearsalOptions.Parse(
        ["--url", "http://claims.test/", "--signing-key", TestTokens.SigningKey, "--campaign", "unused.json", "--crowd", "300", "--ramp", "0.1", "--half-life", "0.1", "--prefix", prefix, "--bots", "0.02", "--repeat", "0.1", .. more]);

    [Fact]
    public async Task ARehearsalOfTheRealApiFindsEveryInvariantHolding()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 40));
        using var http = factory.CreateClient();
        var run = new RehearsalRun(http, Options("real"), campaign, new ResidentTokens(TestTokens.SigningKey));

        var summary = await run.RunAsync(TextWriter.Null, null, "test host", TestContext.Current.CancellationToken);

        Assert.Empty(summary.Violations);
        Assert.Contains(summary.Pools, p => p.SoldOutAt is not null);
        Assert.Contains(summary.Outcomes, o => o.Outcome == "429 rate_limited");
        Assert.Equal(summary.Requests, summary.Answered);
    }

    [Fact]
    public async Task AWalletSampleReadsThatManyWinnersAndSaysSo()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 40));
        using var http = factory.CreateClient();
        var run = new RehearsalRun(http, Options("sampled", "--check-wallets", "5"), campaign, new ResidentTokens(TestTokens.SigningKey));

        var summary = await run.RunAsync(TextWriter.Null, null, "test host", TestContext.Current.CancellationToken);

        Assert.Empty(summary.Violations);
        Assert.Equal(5, summary.WalletsChecked);
        var winners = summary.Grants.Select(g => g.ResidentId).Distinct().Count();
        Assert.Contains($"5 of {winners:N0} winners' wallets (drawn at random) match their grants", Print(new RehearsalReport(summary)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlantedOversellIsReportedAsAViolation()
    {
        var campaign = ApiCampaigns.Open(stock: 10);
        using var http = new HttpClient(new PlantedFaultApi(campaign, PlantedFault.GrantsPastStock)) { BaseAddress = new Uri("http://claims.test/") };
        var run = new RehearsalRun(http, Options("planted"), campaign, new ResidentTokens(TestTokens.SigningKey));

        var summary = await run.RunAsync(TextWriter.Null, null, "stand-in", TestContext.Current.CancellationToken);

        Assert.Contains(summary.Violations, v => v.Contains("oversold", StringComparison.Ordinal));
        var report = new RehearsalReport(summary);
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
