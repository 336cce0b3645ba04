namespace Claims.LoadTests;

/// <summary>How many answers had one outcome (<c>201 granted</c>, <c>409 sold_out</c>, <c>error timeout</c>, …), their latency and its distribution.</summary>
public sealed record OutcomeFigures(string Outcome, long Count, LatencyFigures Latency, IReadOnlyList<PercentilePoint> Distribution)
{
    /// <summary>The outcome's code without its status (<c>sold_out</c>, <c>granted</c>, <c>timeout</c>), as thresholds name it.</summary>
    public string Name => NameOf(Outcome);

    /// <summary>Timeouts, connection errors and 5xx answers: requests the server did not answer as designed.</summary>
    public bool IsError => IsErrorOutcome(Outcome);

    public static string NameOf(string outcome) => outcome.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? outcome[(space + 1)..] : outcome;

    public static bool IsErrorOutcome(string outcome) => outcome.StartsWith("error ", StringComparison.Ordinal) || outcome.StartsWith('5');
}
