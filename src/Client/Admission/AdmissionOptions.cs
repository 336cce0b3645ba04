namespace Claims.Client.Admission;

/// <summary>
/// How claims are let in ahead of the grains: rate limits per resident and per client address, and
/// the stock board that lets every API node refuse a sold-out pool and answer the catalog without a
/// grain call. Without <see cref="Redis"/> each process keeps its own buckets and board; with it,
/// all nodes share them.
/// </summary>
public sealed class AdmissionOptions : ICheckedOptions
{
    public const string Section = "Admission";

    /// <summary>The Redis configuration string (e.g. <c>localhost:6379</c>) all API nodes and silos share; none keeps admission in each process.</summary>
    public string? Redis { get; set; }

    /// <summary>Whether <see cref="Redis"/> names a server, so admission is shared rather than each process's own.</summary>
    public bool SharedThroughRedis => !string.IsNullOrWhiteSpace(Redis);

    /// <summary>Claims a resident may make at once before the rate limit applies (a bucket's size); 0 turns the limit off.</summary>
    public int ResidentBurst { get; set; } = 10;

    /// <summary>Claims per second a resident's bucket refills with.</summary>
    public double ResidentPerSecond { get; set; } = 2;

    /// <summary>Claims one client address may make at once; 0 (the default) turns the limit off, since carriers put many residents behind one address.</summary>
    public int AddressBurst { get; set; }

    /// <summary>Claims per second an address's bucket refills with.</summary>
    public double AddressPerSecond { get; set; }

    /// <summary>How long a node trusts a pool's post that it is sold out before it lets one claim through to ask the pool again.</summary>
    public TimeSpan SoldOutRecheck { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How old a posted remaining count the catalog still shows before it asks the pool.</summary>
    public TimeSpan RemainingMaxAge { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Problems()
    {
        foreach (var (key, burst, perSecond) in new[] { (nameof(ResidentBurst), ResidentBurst, ResidentPerSecond), (nameof(AddressBurst), AddressBurst, AddressPerSecond) })
        {
            var refill = key.Replace("Burst", "PerSecond", StringComparison.Ordinal);
            if (burst < 0)
            {
                yield return $"{Section}:{key} must be 0 (off) or more, not {burst}.";
            }
            else if (burst > 0 && perSecond <= 0)
            {
                yield return $"{Section}:{refill} must be more than zero when {Section}:{key} is on, not {perSecond}.";
            }
        }

        if (SoldOutRecheck <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(SoldOutRecheck)} must be longer than zero, not {SoldOutRecheck}.";
        }

        if (RemainingMaxAge < TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(RemainingMaxAge)} must be zero or more, not {RemainingMaxAge}.";
        }
    }
}
