using Microsoft.Extensions.Caching.Memory;

namespace Claims.Client.Admission;

/// <summary>
/// Admission kept by this process alone: token buckets per resident and per address, and the
/// request keys it granted. It serves the embedded default, and any node while Redis is down.
/// </summary>
public sealed class ProcessAdmission : IDisposable
{
    // Enough for a rush's winners on one node; the oldest go first when it is full.
    private const int GrantedKeysKept = 1_000_000;
    private static readonly TimeSpan GrantedKeyLifetime = TimeSpan.FromHours(1);

    private readonly TokenBuckets? _residents;
    private readonly TokenBuckets? _addresses;
    private readonly MemoryCache _granted = new(new MemoryCacheOptions { SizeLimit = GrantedKeysKept });

    public ProcessAdmission(IOptions<AdmissionOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _residents = Buckets(o.ResidentBurst, o.ResidentPerSecond, time);
        _addresses = Buckets(o.AddressBurst, o.AddressPerSecond, time);
    }

    public AdmissionVerdict Admit(string residentId, string? address, string requestKey)
    {
        var replay = _granted.TryGetValue(GrantedKey(residentId, requestKey), out _);
        if (_residents?.Take(residentId) is { } residentWait)
        {
            return new(residentWait, replay);
        }

        return new(address is null ? null : _addresses?.Take(address), replay);
    }

    public void Granted(string residentId, string requestKey) =>
        _granted.Set(GrantedKey(residentId, requestKey), true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = GrantedKeyLifetime });

    public void Dispose() => _granted.Dispose();

    private static string GrantedKey(string residentId, string requestKey) => $"{residentId}\n{requestKey}";

    private static TokenBuckets? Buckets(int burst, double perSecond, TimeProvider time) =>
        burst <= 0 || perSecond <= 0 ? null : new TokenBuckets(burst, perSecond, time);
}
