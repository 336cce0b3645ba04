using Claims.Contracts.Draws;
using Claims.Grains.Pools;

namespace Claims.Grains.Events;

/// <summary>
/// One append to a pool's journal: everything the pool decided since its last append, made
/// durable together. The journal is the ledger: this row is at once the pool's durable state and
/// the ledger's record of its grants and changes, so a grant is written once. Appends of a pool
/// are numbered from 1 (<see cref="Version"/>), and the ledger takes a version only once, so an
/// activation that lost track of its pool cannot write over what a newer one wrote.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.pool-appended")]
public sealed record PoolAppended : ClaimsEvent
{
    [Id(0)]
    public required string PoolKey { get; init; }

    [Id(1)]
    public required int Version { get; init; }

    [Id(2)]
    public IReadOnlyList<PoolGrant> Grants { get; init; } = [];

    [Id(3)]
    public IReadOnlyList<CouponChange> Changes { get; init; } = [];

    /// <summary>Raised totals of what earlier rounds' pools passed here.</summary>
    [Id(4)]
    public IReadOnlyList<StockTotal> Received { get; init; } = [];

    [Id(5)]
    public PoolClosure? Closure { get; init; }

    /// <summary>Raised totals of what this shard lent each sibling.</summary>
    [Id(6)]
    public IReadOnlyList<LoanTotal> Lent { get; init; } = [];

    /// <summary>Raised totals of what each sibling lent this shard.</summary>
    [Id(7)]
    public IReadOnlyList<LoanTotal> Borrowed { get; init; } = [];

    /// <summary>Of a draw round's pool: the registrations taken since the last append.</summary>
    [Id(8)]
    public IReadOnlyList<Registration> Registrations { get; init; } = [];

    /// <summary>Slots whose quota activation changed since the last append: what fences off the older one.</summary>
    [Id(9)]
    public IReadOnlyList<SlotFence> Fences { get; init; } = [];

    /// <summary>The ledger's id of a pool's append: ordered by version within the pool, so a pool's journal is one range of the ledger's key.</summary>
    public static string EventIdOf(string poolKey, int version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{JournalPrefix(poolKey)}{version:D10}");

    /// <summary>What every event id of the pool's journal begins with.</summary>
    public static string JournalPrefix(string poolKey) => $"pool:{poolKey}#";
}
