namespace Claims.LoadTests;

/// <summary>
/// One second of the run, counted from the opening: requests due in it (arrivals), requests sent
/// and not yet answered at its end (in flight; none when the tool, busy, took no reading in it),
/// answers in it by outcome, and their latency percentiles in milliseconds (none when nothing was
/// answered).
/// </summary>
public sealed record SecondFigures(int Second, long Arrivals, long? InFlight, IReadOnlyDictionary<string, long> Answers, double? P50, double? P90, double? P99);
