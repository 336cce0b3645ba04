using StackExchange.Redis;

namespace Claims.Yardstick;

/// <summary>
/// The seckill a team would write without Claims: one Lua script per claim, atomic in Redis,
/// that checks the winners set, checks and decrements the stock and records the winner. Nothing
/// reaches a disk unless Redis itself persists, and no coupon exists beyond a set member.
/// </summary>
public sealed class SeckillScript(IConnectionMultiplexer redis)
{
    /// <summary>The script answers the stock left before this grant, or one of these.</summary>
    public const long AlreadyWon = -1;

    public const long SoldOut = -2;

    private const string Source = """
        if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return -1 end
        local left = tonumber(redis.call('GET', KEYS[1]) or '0')
        if left <= 0 then return -2 end
        redis.call('DECR', KEYS[1])
        redis.call('SADD', KEYS[2], ARGV[1])
        return left
        """;

    public static RedisKey StockKey(string campaignId, string couponTypeId) => $"yardstick:stock:{campaignId}:{couponTypeId}";

    public static RedisKey WinnersKey(string campaignId, string couponTypeId) => $"yardstick:winners:{campaignId}:{couponTypeId}";

    public async Task<long> ClaimAsync(string campaignId, string couponTypeId, string userId)
    {
        // EVALSHA after the first call: the library caches the script's hash per server.
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            Source,
            [StockKey(campaignId, couponTypeId), WinnersKey(campaignId, couponTypeId)],
            [userId]);
        return (long)result;
    }

    /// <summary>Puts <paramref name="stock"/> coupons in a pool and forgets its winners.</summary>
    public Task SetStockAsync(string campaignId, string couponTypeId, long stock)
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.StringSetAsync(StockKey(campaignId, couponTypeId), stock);
        _ = transaction.KeyDeleteAsync(WinnersKey(campaignId, couponTypeId));
        return transaction.ExecuteAsync();
    }
}
