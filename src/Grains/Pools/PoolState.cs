using Claims.Grains.Events;

namespace Claims.Grains.Pools;

[GenerateSerializer, Alias("claims.pool-state")]
public sealed class PoolState : IOutboxState
{
    /// <summary>Grants not yet sealed into a page (fewer than a page and those being sealed).</summary>
    [Id(0)]
    public List<PoolGrant> Open { get; set; } = [];

    [Id(1)]
    public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>Incremented by every change, so the grain knows which changes a completed write covered.</summary>
    [Id(2)]
    public long Version { get; set; }

    [Id(3)]
    public int SealedPages { get; set; }

    [Id(4)]
    public int SealedGrants { get; set; }

    public int Granted => SealedGrants + Open.Count;
}
