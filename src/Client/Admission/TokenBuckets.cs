using System.Collections.Concurrent;

namespace Claims.Client.Admission;

/// <summary>
/// Token buckets by key (a resident, an address), refilled from the clock when taken from. A
/// bucket left alone for as long as it takes to refill is full again, so forgetting it changes
/// nothing: buckets live in two generations that swap every refill period, and a swap drops the
/// older one whole. A claim costs a lookup or two, whatever the size of the crowd; nothing scans
/// the buckets. (System.Threading.RateLimiting's partitioned limiter takes a global lock and scans
/// every live partition ten times a second: 3-5% of a pinned core in a rush of new residents.)
/// </summary>
internal sealed class TokenBuckets(int burst, double perSecond, TimeProvider time)
{
    private readonly long _refillTicks = (long)Math.Ceiling(burst / perSecond * time.TimestampFrequency);
    private readonly Lock _swapping = new();
    private ConcurrentDictionary<string, Bucket> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, Bucket> _previous = new(StringComparer.Ordinal);
    private long _swappedAt = time.GetTimestamp();

    /// <summary>Takes a token from <paramref name="key"/>'s bucket: null when there was one, else how long until there is.</summary>
    public TimeSpan? Take(string key)
    {
        var now = time.GetTimestamp();
        if (now - Volatile.Read(ref _swappedAt) >= _refillTicks)
        {
            Swap(now);
        }

        var current = _current;
        if (!current.TryGetValue(key, out var bucket))
        {
            bucket = current.GetOrAdd(key, _previous.TryGetValue(key, out var older) ? older : new Bucket(burst, now));
        }

        lock (bucket)
        {
            bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.At) * perSecond / time.TimestampFrequency));
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens--;
                return null;
            }

            return TimeSpan.FromSeconds((1 - bucket.Tokens) / perSecond);
        }
    }

    private void Swap(long now)
    {
        lock (_swapping)
        {
            if (now - _swappedAt >= _refillTicks)
            {
                _previous = _current;
                _current = new(StringComparer.Ordinal);
                Volatile.Write(ref _swappedAt, now);
            }
        }
    }

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;

        public long At { get; set; } = at;
    }
}
