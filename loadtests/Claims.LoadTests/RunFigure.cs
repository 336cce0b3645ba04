using System.Globalization;

namespace Claims.LoadTests;

/// <summary>
/// One named figure of a run (<c>p99</c>, <c>sold_out.p50</c>, <c>errors</c>, <c>server.memory</c>):
/// what thresholds are written against and <c>compare</c> puts side by side. <see cref="Value"/> is
/// none when the run has no such figure (no server measured, a type never sold out);
/// <see cref="LowerIsBetter"/> is none for a figure that is neither better nor worse higher (a count of one outcome).
/// </summary>
public sealed record RunFigure(string Name, double? Value, FigureKind Kind, bool? LowerIsBetter)
{
    public string Text => Value is { } value ? Format(value, Kind) : "-";

    public static string Format(double value, FigureKind kind) => kind switch
    {
        FigureKind.Millis when Math.Abs(value) < 1 => string.Create(CultureInfo.InvariantCulture, $"{value * 1000:N0} µs"),
        FigureKind.Millis when Math.Abs(value) < 10_000 => string.Create(CultureInfo.InvariantCulture, $"{value:N1} ms"),
        FigureKind.Millis => string.Create(CultureInfo.InvariantCulture, $"{value / 1000:N2} s"),
        FigureKind.PerSecond => string.Create(CultureInfo.InvariantCulture, $"{value:N0}/s"),
        FigureKind.Bytes => string.Create(CultureInfo.InvariantCulture, $"{value / 1024 / 1024:N0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value:N0}"),
    };
}
