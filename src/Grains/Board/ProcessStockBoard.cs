using System.Collections.Concurrent;

namespace Claims.Grains.Board;

/// <summary>
/// The posts this process knows of, with when each arrived: every pool of this process posts here,
/// and a shared board copies in the posts of pools elsewhere.
/// </summary>
public sealed class ProcessStockBoard(TimeProvider time) : IStockBoard
{
    private readonly ConcurrentDictionary<string, (StockPost Post, DateTimeOffset At)> _posts = new(StringComparer.Ordinal);

    public void Post(string poolKey, StockPost post) => _posts[poolKey] = (post, time.GetUtcNow());

    /// <summary>The last post of the pool, if one came within <paramref name="maxAge"/>.</summary>
    public StockPost? Find(string poolKey, TimeSpan maxAge) =>
        _posts.TryGetValue(poolKey, out var posted) && time.GetUtcNow() - posted.At <= maxAge ? posted.Post : null;

    /// <summary>Renews the pool's last post as sold out, as its pool has just said.</summary>
    public void SoldOut(string poolKey) =>
        _posts.AddOrUpdate(poolKey, _ => (new(0, 0, 0), time.GetUtcNow()), (_, posted) => (posted.Post with { Remaining = 0 }, time.GetUtcNow()));
}
