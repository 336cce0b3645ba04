using Claims.Contracts.Members;
using Claims.Grains.Events;

namespace Claims.Grains.Members;

[GenerateSerializer, Alias("claims.member-list-state")]
public sealed class MemberListState : IOutboxState
{
    [Id(0)]
    public int Committed { get; set; }

    [Id(1)]
    public int Members { get; set; }

    [Id(2)]
    public DateTimeOffset? CommittedAt { get; set; }

    [Id(3)]
    public string? CommittedBy { get; set; }

    [Id(4)]
    public int LastUpload { get; set; }

    [Id(5)]
    public Dictionary<int, MemberUpload> Uploads { get; set; } = [];

    // An upload whose commit was decided and stored but may not have reached every shard yet.
    [Id(6)]
    public int? Committing { get; set; }

    [Id(7)]
    public string? CommittingBy { get; set; }

    [Id(8)]
    public List<OutboxEntry> Outbox { get; set; } = [];

    [Id(9)]
    public long Version { get; set; }
}
