using System.Threading.RateLimiting;
using Claims.Silo.Admission;
using Microsoft.Extensions.Caching.Memory;

namespace Claims.Api.Admission;

/// <summary>
/// Admission kept by this process alone: token buckets per resident and per address, and the
/// request keys it granted. It serves the embedded default, and any node while Redis is down.
/// </summary>
public sealed class ProcessAdmission : IDisposable
{
    // Enough for a rush's winners on one node; the oldest go first when it is full.
    private const int GrantedKeysKept = 1_000_000;
    private static readonly TimeSpan GrantedKeyLifetime = TimeSpan.FromHours(1);

    private readonly PartitionedRateLimiter<string>? _residents;
    private readonly PartitionedRateLimiter<string>? _addresses;
    private readonly MemoryCache _granted = new(new MemoryCacheOptions { SizeLimit = GrantedKeysKept });

    public ProcessAdmission(IOptions<AdmissionOptions> options)
    {
        var o = options.Value;
        _residents = Buckets(o.ResidentBurst, o.ResidentPerSecond);
        _addresses = Buckets(o.AddressBurst, o.AddressPerSecond);
    }

    public AdmissionVerdict Admit(string residentId, string? address, string requestKey)
    {
        var replay = _granted.TryGetValue(GrantedKey(residentId, requestKey), out _);
        if (Take(_residents, residentId) is { } residentWait)
        {
            return new(residentWait, replay);
        }

        return new(address is null ? null : Take(_addresses, address), replay);
    }

    public void Granted(string residentId, string requestKey) =>
        _granted.Set(GrantedKey(residentId, requestKey), true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = GrantedKeyLifetime });

    public void Dispose()
    {
        _residents?.Dispose();
        _addresses?.Dispose();
        _granted.Dispose();
    }

    private static string GrantedKey(string residentId, string requestKey) => $"{residentId}\n{requestKey}";

    // A refused lease names its wait; a bucket whose refill is slower than a token a second may not.
    private static TimeSpan? Take(PartitionedRateLimiter<string>? buckets, string key)
    {
        if (buckets is null)
        {
            return null;
        }

        using var lease = buckets.AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    private static PartitionedRateLimiter<string>? Buckets(int burst, double perSecond) =>
        burst <= 0 || perSecond <= 0
            ? null
            : PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1 / perSecond),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}
