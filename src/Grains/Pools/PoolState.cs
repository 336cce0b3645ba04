using Claims.Grains.Events;

namespace Claims.Grains.Pools;

[GenerateSerializer, Alias("claims.pool-state")]
public sealed class PoolState : IOutboxState
{
    [Id(0)]
    public List<PoolGrant> Grants { get; set; } = [];

    [Id(1)]
    public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>Incremented by every change, so the grain knows which changes a completed write covered.</summary>
    [Id(2)]
    public long Version { get; set; }
}
