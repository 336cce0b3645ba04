using Claims.Contracts.Draws;

namespace Claims.Benchmarks;

/// <summary>
/// Ranking a draw's registrants: one SHA-256 per registrant and a sort, the part of a draw that
/// grows with the registrations rather than with the stock.
/// </summary>
[Config(typeof(DrawBenchmarkConfig))]
public class DrawRankingBenchmarks
{
    private readonly byte[] _seed = DrawRanking.NewSeed();
    private string[] _registrants = [];

    [Params(1_000_000)]
    public int Registrants { get; set; }

    [GlobalSetup]
    public void CreateRegistrants() =>
        _registrants = [.. Enumerable.Range(0, Registrants).Select(i => $"resident-{i:D7}")];

    [Benchmark]
    public int RankAMillionRegistrants() => DrawRanking.Rank(_seed, "market-10-50", _registrants, r => r).Count;
}
