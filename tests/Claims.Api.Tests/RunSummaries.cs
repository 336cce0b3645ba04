using Claims.LoadTests;

namespace Claims.Api.Tests;

/// <summary>Made-up run summaries with chosen figures, for what reads summaries (compare, thresholds).</summary>
public static class RunSummaries
{
    public static RunSummary Run(double p99, params string[] outcomes)
    {
        var latency = new LatencyFigures(p99 / 4, p99 / 2, p99, p99 * 2, p99 * 3, p99 / 3);
        return new RunSummary
        {
            CampaignId = "lushan-2023-r1",
            Target = "embedded",
            StartedAt = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero),
            Crowd = 1000,
            PeakArrivals = 500,
            RampSeconds = 1,
            HalfLifeSeconds = 2,
            Seconds = 2,
            Requests = 1000,
            Answered = 1000,
            PeakSecond = 600,
            Latency = latency,
            Outcomes = [.. outcomes.Prepend("201 granted").Select(o => new OutcomeFigures(o, 1000 / (outcomes.Length + 1), latency, [new(50, p99 / 4), new(99, p99)]))],
            Timeline =
            [
                new(0, 600, 100, new Dictionary<string, long> { ["201 granted"] = 600 }, p99 / 4, p99 / 2, p99),
                new(1, 400, 0, new Dictionary<string, long> { ["201 granted"] = 400 }, p99 / 4, p99 / 2, p99),
            ],
            Pools = [new("market-10-50", 100, 1.5)],
        };
    }
}
