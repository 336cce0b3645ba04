using System.Globalization;
using Claims.Client.Board;
using StackExchange.Redis;

namespace Claims.Client.Admission;

/// <summary>
/// Decides, before any grain call, whether a claim goes on: the rate limits, and the stock board's
/// word that its pool is sold out. Shared through Redis when configured; when Redis does not
/// answer, this node's own buckets and board serve and the health check says so. Nothing here can
/// grant: at worst a claim is refused that its pool would also have refused, or let through to it.
/// </summary>
public sealed partial class ClaimAdmission(
    IOptions<AdmissionOptions> options,
    ProcessAdmission local,
    ProcessStockBoard board,
    IServiceProvider services,
    ILogger<ClaimAdmission> logger)
{
    private static readonly TimeSpan GrantedKeyLifetime = TimeSpan.FromHours(1);

    private readonly AdmissionOptions _options = options.Value;
    private readonly RedisAdmission? _redis = options.Value.SharedThroughRedis ? services.GetRequiredService<RedisAdmission>() : null;

    public async ValueTask<AdmissionVerdict> AdmitAsync(string residentId, string? address, string requestKey)
    {
        if (_redis is { IsConnected: true } redis)
        {
            try
            {
                return await AdmitSharedAsync(redis.Database, residentId, address, requestKey);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not only RedisException and timeouts: a connection torn down mid-command can
                // also end in a null or malformed result. Admission is advice; any failure of the
                // shared path falls back to this node's own.
                LogRedisFailed(exception);
            }
        }

        return local.Admit(residentId, address, requestKey);
    }

    /// <summary>Remembers a granted request key, so that its replay reaches its pool even once the pool is sold out.</summary>
    public void Granted(string residentId, string requestKey)
    {
        local.Granted(residentId, requestKey);
        if (_redis is { IsConnected: true } redis)
        {
            redis.Database.StringSet(GrantedRedisKey(residentId, requestKey), 1, GrantedKeyLifetime, flags: CommandFlags.FireAndForget);
        }
    }

    /// <summary>
    /// Whether every pool of a coupon type (every shard of a split pool) posted, recently enough
    /// to trust, that it has nothing left: a shard that is dry still borrows from its siblings.
    /// </summary>
    public bool SoldOut(IReadOnlyList<string> poolKeys) => poolKeys.All(key => board.SoldOut(key, _options.SoldOutRecheck));

    /// <summary>
    /// A pool refused a claim as sold out, which a shard does only after its siblings lent it
    /// nothing: trust that of every pool of the type for another recheck period.
    /// </summary>
    public void SawSoldOut(IReadOnlyList<string> poolKeys)
    {
        foreach (var key in poolKeys)
        {
            board.SawSoldOut(key);
        }
    }

    private async Task<AdmissionVerdict> AdmitSharedAsync(IDatabase database, string residentId, string? address, string requestKey)
    {
        var keys = new List<RedisKey> { GrantedRedisKey(residentId, requestKey) };
        var limits = new List<RedisValue>();
        if (_options.ResidentBurst > 0 && _options.ResidentPerSecond > 0)
        {
            keys.Add($"claims:bucket:resident:{residentId}");
            limits.AddRange([_options.ResidentBurst, _options.ResidentPerSecond.ToString(CultureInfo.InvariantCulture)]);
        }

        if (address is not null && _options.AddressBurst > 0 && _options.AddressPerSecond > 0)
        {
            keys.Add($"claims:bucket:address:{address}");
            limits.AddRange([_options.AddressBurst, _options.AddressPerSecond.ToString(CultureInfo.InvariantCulture)]);
        }

        var result = await database.ScriptEvaluateAsync(RedisAdmissionScript.Text, [.. keys], [.. limits]);
        if (result.Resp2Type != ResultType.Array || result.Length != 2)
        {
            throw new RedisException($"The admission script answered {result.Resp2Type} instead of [wait, granted]");
        }

        var wait = (long)result[0];
        return new(wait > 0 ? TimeSpan.FromMilliseconds(wait) : null, (long)result[1] == 1);
    }

    private static RedisKey GrantedRedisKey(string residentId, string requestKey) => $"claims:granted:{residentId}:{requestKey}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer for admission; this node admits by itself until it does")]
    private partial void LogRedisFailed(Exception exception);
}
