using Claims.Contracts.Draws;
using Claims.Grains.Events;

namespace Claims.Grains.Draws;

[GenerateSerializer, Alias("claims.draw-state")]
public sealed class DrawState : IOutboxState
{
    [Id(0)]
    public byte[]? Seed { get; set; }

    [Id(1)]
    public DateTimeOffset? DrawnAt { get; set; }

    [Id(2)]
    public DrawResult[] Results { get; set; } = [];

    [Id(3)]
    public List<OutboxEntry> Outbox { get; set; } = [];

    [Id(4)]
    public long Version { get; set; }
}
