using System.Text.Json;
using Claims.LoadTests;

namespace Claims.Api.Tests;

/// <summary><c>compare</c> holds a run against an earlier one: every figure of both, side by side, with its change, as text and as a page.</summary>
public sealed class RehearsalCompareTests
{
    [Fact]
    public async Task CompareShowsEachFigureOfBothRunsWithItsChange()
    {
        var folder = Directory.CreateTempSubdirectory("claims-compare-");
        var (before, after, page) = (Path.Combine(folder.FullName, "a.json"), Path.Combine(folder.FullName, "b.json"), Path.Combine(folder.FullName, "compare.html"));
        await File.WriteAllTextAsync(before, JsonSerializer.Serialize(RunSummaries.Run(p99: 100), RunSummary.Json), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(after, JsonSerializer.Serialize(RunSummaries.Run(p99: 150, "409 sold_out") with { Errors = 3 }, RunSummary.Json), TestContext.Current.CancellationToken);
        using var output = new StringWriter();

        var exitCode = await RehearsalProgram.RunAsync(["compare", before, after, "--report", page], output, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var lines = output.ToString().Split('\n');
        Assert.Matches(@"^p99 +100\.0 ms +150\.0 ms +\+50\.0 ms \(\+50\.0%\)", lines.Single(l => l.StartsWith("p99 ", StringComparison.Ordinal)));
        Assert.Matches(@"^errors +0 +3 +\+3$", lines.Single(l => l.StartsWith("errors ", StringComparison.Ordinal)).TrimEnd());
        Assert.Matches(@"^sold_out\.count +- +500", lines.Single(l => l.StartsWith("sold_out.count ", StringComparison.Ordinal)));
        var html = await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken);
        Assert.Contains("<tr class=\"bad\"><td>p99</td><td>100.0 ms</td><td>150.0 ms</td>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<figure data-chart=").Length - 1);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task CompareWantsTwoSummaries()
    {
        using var error = new StringWriter();

        var exitCode = await RehearsalProgram.RunAsync(["compare", "only-one.json"], TextWriter.Null, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains(CompareCommand.Usage, error.ToString(), StringComparison.Ordinal);
    }
}
