using System.Globalization;

namespace Claims.LoadTests;

/// <summary>
/// The share of the crowd one generator process sends (<c>--part k/N</c>): resident n belongs to
/// part <c>n % N + 1</c>, so no resident is in two parts and each part follows its share of the
/// same spike.
/// </summary>
public sealed record CrowdPart(int Index, int Count)
{
    public static CrowdPart Whole { get; } = new(1, 1);

    public bool IsWhole => Count == 1;

    /// <summary>The part that creates the campaign and watches the pools' stock.</summary>
    public bool IsFirst => Index == 1;

    public bool Includes(int resident) => resident % Count == Index - 1;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    public static CrowdPart Parse(string text) =>
        text.Split('/') is [var k, var n]
        && int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
        && count >= 1 && index >= 1 && index <= count
            ? new(index, count)
            : throw new ArgumentException($"--part '{text}' must be k/N with 1 <= k <= N, as 2/4.");
}
