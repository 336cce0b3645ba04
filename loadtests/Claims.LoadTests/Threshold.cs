using System.Globalization;
using System.Text.RegularExpressions;

namespace Claims.LoadTests;

/// <summary>
/// A condition a run must keep, given as <c>--threshold</c>: a figure of <see cref="RunFigures"/>,
/// an operator (<c>&lt; &lt;= &gt; &gt;= =</c>) and a value with its unit (<c>p99&lt;500ms</c>,
/// <c>sold_out.p50&lt;200ms</c>, <c>errors=0</c>, <c>errors&lt;1%</c>, <c>server.memory&lt;1GiB</c>);
/// <c>invariants</c> alone means that none was broken. A run without the figure fails it.
/// </summary>
public sealed partial record Threshold(string Expression, string Figure, string Operator, double Limit, bool Share)
{
    public const string Syntax = """
        Thresholds: --threshold 'FIGURE OP VALUE' (repeatable), OP one of < <= > >= =; or --threshold invariants.
          FIGURE: requests, answered, errors, throughput, peak; p50, p90, p99, p99.9, max, mean (every answer);
          OUTCOME.count and OUTCOME.p50 ... OUTCOME.mean for one outcome (granted, sold_out, limit_reached, timeout, ...);
          all_sold_out, sold_out_at.TYPE; server.cpu_per_request, server.memory, tool.cpu_per_request; invariants.
          VALUE: times in us, ms (the default), s or m; memory in B, KiB, MiB or GiB; counts as a number or a
          share of the requests (errors<1%); rates per second.
        """;

    public static Threshold Parse(string expression)
    {
        var text = expression.Trim();
        if (text == "invariants")
        {
            return new(text, "invariants", "=", 0, false);
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new ArgumentException($"--threshold '{expression}' is not FIGURE OP VALUE, as p99<500ms.");
        }

        var figure = match.Groups["figure"].Value;
        var kind = KindOf(figure) ?? throw new ArgumentException($"--threshold '{expression}': no figure is called '{figure}'.");
        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value;
        var (limit, share) = (kind, unit) switch
        {
            (FigureKind.Millis, "" or "ms") => (value, false),
            (FigureKind.Millis, "us" or "µs") => (value / 1000, false),
            (FigureKind.Millis, "s") => (value * 1000, false),
            (FigureKind.Millis, "m") => (value * 60_000, false),
            (FigureKind.Count, "") => (value, false),
            (FigureKind.Count, "%") => (value, true),
            (FigureKind.PerSecond, "" or "/s") => (value, false),
            (FigureKind.Bytes, "" or "B") => (value, false),
            (FigureKind.Bytes, "KiB") => (value * 1024, false),
            (FigureKind.Bytes, "MiB") => (value * 1024 * 1024, false),
            (FigureKind.Bytes, "GiB") => (value * 1024 * 1024 * 1024, false),
            _ => throw new ArgumentException($"--threshold '{expression}': '{unit}' is not a unit of {figure}."),
        };
        return new(text, figure, match.Groups["op"].Value, limit, share);
    }

    public ThresholdResult Evaluate(RunSummary run)
    {
        var figure = RunFigures.Of(run).FirstOrDefault(f => f.Name == Figure);
        var value = figure?.Value ?? (Figure.EndsWith(".count", StringComparison.Ordinal) ? 0 : null);
        if (value is not { } actual)
        {
            return new(Expression, false, figure is null ? $"no {Figure[..Figure.IndexOf('.', StringComparison.Ordinal)]} answers" : "none in this run");
        }

        var text = RunFigure.Format(actual, KindOf(Figure)!.Value);
        if (Share)
        {
            actual = run.Requests == 0 ? 0 : actual * 100 / run.Requests;
            text = string.Create(CultureInfo.InvariantCulture, $"{actual:F2}% ({text} of {run.Requests:N0})");
        }

        var passed = Operator switch
        {
            "<" => actual < Limit,
            "<=" => actual <= Limit,
            ">" => actual > Limit,
            ">=" => actual >= Limit,
            _ => actual == Limit,
        };
        return new(Expression, passed, text);
    }

    private static FigureKind? KindOf(string figure)
    {
        var statistic = figure[(figure.LastIndexOf('.') + 1)..];
        return figure switch
        {
            "requests" or "answered" or "errors" or "invariants" => FigureKind.Count,
            "throughput" or "peak" => FigureKind.PerSecond,
            "server.memory" => FigureKind.Bytes,
            "all_sold_out" or "server.cpu_per_request" or "tool.cpu_per_request" => FigureKind.Millis,
            _ when figure.StartsWith("sold_out_at.", StringComparison.Ordinal) => FigureKind.Millis,
            _ when RunFigures.LatencyStatistics.Contains(figure) => FigureKind.Millis,
            _ when !figure.Contains('.', StringComparison.Ordinal) => null,
            _ when statistic == "count" => FigureKind.Count,
            _ when RunFigures.LatencyStatistics.Contains(statistic) => FigureKind.Millis,

            // p99.9 of an outcome: its last dot is the percentile's.
            _ when figure.EndsWith(".p99.9", StringComparison.Ordinal) => FigureKind.Millis,
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<figure>[A-Za-z0-9_.\-]+?)\s*(?<op><=|>=|<|>|=)\s*(?<value>\d+(\.\d+)?)\s*(?<unit>[A-Za-zµ%/]*)$")]
    private static partial Regex Pattern();
}
