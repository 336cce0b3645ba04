namespace Claims.Grains.Pools;

/// <summary>
/// Totals that only rise, one per source: what pools pass each other between rounds and what
/// shards lend each other are told as running totals, so a total heard twice or late is old news
/// and a lost answer is made good by the next, larger one.
/// </summary>
internal sealed class RunningTotals<TKey>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _totals = new(comparer);

    /// <summary>The sum of every source's total.</summary>
    public int Sum { get; private set; }

    public int Of(TKey source) => _totals.GetValueOrDefault(source);

    /// <summary>The sum of every source's total as <paramref name="measure"/> counts it.</summary>
    public int SumOf(Func<TKey, int, int> measure) => _totals.Sum(t => measure(t.Key, t.Value));

    /// <summary>Takes <paramref name="total"/> for <paramref name="source"/> if it is higher; returns by how much it rose.</summary>
    public int Raise(TKey source, int total)
    {
        var more = total - Of(source);
        if (more <= 0)
        {
            return 0;
        }

        _totals[source] = total;
        Sum += more;
        return more;
    }
}
