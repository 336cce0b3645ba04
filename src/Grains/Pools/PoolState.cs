using Claims.Grains.Events;

namespace Claims.Grains.Pools;

[GenerateSerializer, Alias("claims.pool-state")]
public sealed class PoolState : IOutboxState
{
    /// <summary>Every coupon granted, in order; a grant's sequence is its position plus one.</summary>
    [Id(0)]
    public OpenLog<PoolGrant> Grants { get; set; } = new();

    /// <summary>What happened to granted coupons since: redemptions, refunds, expiries.</summary>
    [Id(1)]
    public OpenLog<CouponChange> Changes { get; set; } = new();

    [Id(2)]
    public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>Incremented by every change, so the grain knows which changes a completed write covered.</summary>
    [Id(3)]
    public long Version { get; set; }

    /// <summary>Coupons passed to this pool by earlier rounds' pools (by pool key), as each last reported its running total.</summary>
    [Id(4)]
    public Dictionary<string, int> Received { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Set once the round has closed: its leftover stock belongs to <see cref="ClosedInto"/> from then on.</summary>
    [Id(5)]
    public bool Closed { get; set; }

    /// <summary>The round the leftover went to at the close, or null for the fund.</summary>
    [Id(6)]
    public string? ClosedInto { get; set; }

    /// <summary>How many grants, in sequence, have had their events handed to the sink: the grant log is their outbox.</summary>
    [Id(7)]
    public int GrantsDelivered { get; set; }

    /// <summary>Of a pool shard: what each sibling shard has lent it, as the sibling last reported its running total.</summary>
    [Id(8)]
    public Dictionary<int, int> Borrowed { get; set; } = [];

    /// <summary>Of a pool shard: what it has lent each sibling shard so far.</summary>
    [Id(9)]
    public Dictionary<int, int> Lent { get; set; } = [];
}
