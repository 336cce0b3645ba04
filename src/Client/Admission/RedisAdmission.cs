using StackExchange.Redis;

namespace Claims.Client.Admission;

/// <summary>
/// The process's connection to the admission Redis. It connects in the background and keeps
/// trying, so a node starts, and keeps serving, with Redis down; every command fails fast then
/// (callers fall back to what the process knows by itself).
/// </summary>
public sealed class RedisAdmission : IDisposable
{
    /// <summary>The channel pools announce their remaining counts on.</summary>
    public static readonly RedisChannel StockChannel = RedisChannel.Literal("claims:stock");

    private readonly ConnectionMultiplexer _redis;

    public RedisAdmission(IOptions<AdmissionOptions> options)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        configuration.AbortOnConnectFail = false;

        // A claim waits for its rate limit: a Redis that does not answer in this time is treated as down.
        configuration.ConnectTimeout = 1000;
        configuration.SyncTimeout = 250;
        configuration.AsyncTimeout = 250;
        _redis = ConnectionMultiplexer.Connect(configuration);
    }

    public bool IsConnected => _redis.IsConnected;

    public IDatabase Database => _redis.GetDatabase();

    public ISubscriber Subscriber => _redis.GetSubscriber();

    public void Dispose() => _redis.Dispose();
}
