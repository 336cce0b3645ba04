using System.Collections.Concurrent;
using Claims.Client.Admission;
using StackExchange.Redis;

namespace Claims.Client.Board;

/// <summary>
/// The stock board shared through Redis: a post is kept in this process at once and announced on
/// <see cref="RedisAdmission.StockChannel"/> to every other node's board. A pool in a rush posts
/// thousands of times a second, so announcements are rationed: running dry and coming back go out
/// at once, other counts with the next round, every <see cref="AnnounceEvery"/>. Nothing waits for
/// Redis, and a post lost while it is down only means other nodes ask the pool.
/// </summary>
public sealed class RedisStockBoard(ProcessStockBoard local, RedisAdmission redis) : BackgroundService, IStockBoard
{
    public static readonly TimeSpan AnnounceEvery = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, StockPost> _unannounced = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _soldOut = new(StringComparer.Ordinal);

    public void Post(string poolKey, StockPost post)
    {
        local.Post(poolKey, post);
        var soldOut = post.Remaining == 0;
        if (_soldOut.TryGetValue(poolKey, out var was) && was == soldOut)
        {
            _unannounced[poolKey] = post;
            return;
        }

        _soldOut[poolKey] = soldOut;
        _unannounced.TryRemove(poolKey, out _);
        Announce(poolKey, post);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var rounds = new PeriodicTimer(AnnounceEvery);
        while (await rounds.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var poolKey in _unannounced.Keys)
            {
                if (_unannounced.TryRemove(poolKey, out var post))
                {
                    Announce(poolKey, post);
                }
            }
        }
    }

    private void Announce(string poolKey, StockPost post)
    {
        if (redis.IsConnected)
        {
            redis.Subscriber.Publish(RedisAdmission.StockChannel, StockAnnouncement.Format(poolKey, post), CommandFlags.FireAndForget);
        }
    }
}
