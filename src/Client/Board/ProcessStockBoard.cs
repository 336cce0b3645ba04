using System.Collections.Concurrent;

namespace Claims.Client.Board;

/// <summary>
/// The posts this process knows of, with when each arrived: every pool of this process posts here,
/// and a shared board copies in the posts of pools elsewhere. Beside them, when a pool last
/// answered a claim sold out, which a node may see before (or without) any post of that pool.
/// </summary>
public sealed class ProcessStockBoard(TimeProvider time) : IStockBoard
{
    private readonly ConcurrentDictionary<string, (StockPost Post, DateTimeOffset At)> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _soldOutSeen = new(StringComparer.Ordinal);

    public void Post(string poolKey, StockPost post)
    {
        _posts[poolKey] = (post, time.GetUtcNow());
        if (post.Remaining > 0)
        {
            _soldOutSeen.TryRemove(poolKey, out _);
        }
    }

    /// <summary>
    /// Keeps what the pool itself answered when asked at <paramref name="askedAt"/>, unless it
    /// posted since: an answer overtaken on its way back must not hide a newer post, which the
    /// pool would not repeat until its counts moved again.
    /// </summary>
    public void Answered(string poolKey, StockPost answer, DateTimeOffset askedAt)
    {
        var now = time.GetUtcNow();
        _posts.AddOrUpdate(poolKey, _ => (answer, now), (_, current) => current.At < askedAt ? (answer, now) : current);
    }

    /// <summary>The last post of the pool, if one came within <paramref name="maxAge"/>.</summary>
    public StockPost? Find(string poolKey, TimeSpan maxAge) =>
        _posts.TryGetValue(poolKey, out var posted) && time.GetUtcNow() - posted.At <= maxAge ? posted.Post : null;

    /// <summary>Whether, within <paramref name="maxAge"/>, the pool posted that it has nothing left or answered a claim so.</summary>
    public bool SoldOut(string poolKey, TimeSpan maxAge) =>
        Find(poolKey, maxAge) is { Remaining: 0 }
        || (_soldOutSeen.TryGetValue(poolKey, out var seen) && time.GetUtcNow() - seen <= maxAge);

    /// <summary>Every pool's last post, for the pools' remaining-stock gauge.</summary>
    public IEnumerable<(string PoolKey, StockPost Post)> Posts() => _posts.Select(p => (p.Key, p.Value.Post));

    /// <summary>The pool has just refused a claim as sold out.</summary>
    public void SawSoldOut(string poolKey) => _soldOutSeen[poolKey] = time.GetUtcNow();
}
