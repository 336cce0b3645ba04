using Claims.Client.Admission;

namespace Claims.Client.Board;

/// <summary>Copies the posts of pools in other processes, announced on Redis, into this process's board.</summary>
public sealed class RedisStockFeed(RedisAdmission redis, ProcessStockBoard board) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The subscription is kept by the connection and restored when it reconnects.
        await redis.Subscriber.SubscribeAsync(RedisAdmission.StockChannel, (_, message) =>
        {
            if (StockAnnouncement.TryParse(message, out var poolKey, out var post))
            {
                board.Post(poolKey, post);
            }
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => redis.Subscriber.UnsubscribeAsync(RedisAdmission.StockChannel);
}
