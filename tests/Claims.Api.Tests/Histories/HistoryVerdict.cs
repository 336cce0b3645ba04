namespace Claims.Api.Tests.Histories;

/// <summary>
/// What the checker found: how many operations the run sent, how many answers left the client
/// uncertain and how many of those keys the resends resolved, and every invariant broken.
/// </summary>
public sealed record HistoryVerdict(int Operations, int Uncertain, int UncertainKeys, int Resolved, IReadOnlyList<string> Violations)
{
    public override string ToString() =>
        $"{Operations} operations, {Uncertain} uncertain answers on {UncertainKeys} keys, {Resolved} resolved, {Violations.Count} violations"
        + string.Concat(Violations.Take(20).Select(v => $"\n  {v}"));
}
