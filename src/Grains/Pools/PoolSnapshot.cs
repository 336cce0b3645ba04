using Claims.Contracts.Draws;
using Claims.Grains.Events;

namespace Claims.Grains.Pools;

/// <summary>
/// A pool's journal folded up to <see cref="Version"/>: what an activation starts from before it
/// reads the appends after it. The pool keeps one current as appends commit and stores a copy now
/// and then, so an activation reads one row and the journal's tail, not every append since the
/// first.
/// </summary>
[GenerateSerializer, Alias("claims.pool-snapshot")]
public sealed class PoolSnapshot
{
    [Id(0)]
    public int Version { get; set; }

    /// <summary>Every coupon granted, in order; a grant's sequence is its position plus one.</summary>
    [Id(1)]
    public List<PoolGrant> Grants { get; set; } = [];

    /// <summary>What happened to granted coupons since: redemptions, refunds, expiries, in order.</summary>
    [Id(2)]
    public List<CouponChange> Changes { get; set; } = [];

    /// <summary>Coupons passed to this pool by earlier rounds' pools (by pool key), as each last reported its running total.</summary>
    [Id(3)]
    public Dictionary<string, int> Received { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Set once the round has closed: its leftover stock belongs to the closure's target from then on.</summary>
    [Id(4)]
    public PoolClosure? Closure { get; set; }

    /// <summary>Of a pool shard: what each sibling shard has lent it, as the sibling last reported its running total.</summary>
    [Id(5)]
    public Dictionary<int, int> Borrowed { get; set; } = [];

    /// <summary>Of a pool shard: what it has lent each sibling shard so far.</summary>
    [Id(6)]
    public Dictionary<int, int> Lent { get; set; } = [];

    /// <summary>Of a draw round's pool: every registration, in order.</summary>
    [Id(7)]
    public List<Registration> Registrations { get; set; } = [];

    /// <summary>The quota activation each slot of residents is served by, as last recorded.</summary>
    [Id(8)]
    public Dictionary<int, Guid> Fences { get; set; } = [];

    public int Entries => Grants.Count + Changes.Count + Registrations.Count;

    public void Apply(PoolAppended append)
    {
        // A journal missing an append is not this pool's history: better refuse to activate than
        // grant again coupons it holds.
        if (append.Version != Version + 1)
        {
            throw new InvalidDataException($"The journal of pool {append.PoolKey} goes from version {Version} to {append.Version}.");
        }

        Version = append.Version;
        Grants.AddRange(append.Grants);
        Changes.AddRange(append.Changes);
        Registrations.AddRange(append.Registrations);
        foreach (var received in append.Received)
        {
            Received[received.FromPoolKey] = Math.Max(Received.GetValueOrDefault(received.FromPoolKey), received.Total);
        }

        Closure = append.Closure ?? Closure;
        Raise(Lent, append.Lent);
        Raise(Borrowed, append.Borrowed);
        foreach (var fence in append.Fences)
        {
            Fences[fence.Slot] = fence.Fence;
        }
    }

    /// <summary>A copy that later appends do not change, to be stored while the pool goes on.</summary>
    public PoolSnapshot Copy() => new()
    {
        Version = Version,
        Grants = [.. Grants],
        Changes = [.. Changes],
        Registrations = [.. Registrations],
        Received = new(Received, StringComparer.Ordinal),
        Closure = Closure,
        Borrowed = new(Borrowed),
        Lent = new(Lent),
        Fences = new(Fences),
    };

    private static void Raise(Dictionary<int, int> totals, IReadOnlyList<LoanTotal> raised)
    {
        foreach (var loan in raised)
        {
            totals[loan.Sibling] = Math.Max(totals.GetValueOrDefault(loan.Sibling), loan.Total);
        }
    }
}
