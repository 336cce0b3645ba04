using Claims.Grains.Events;

namespace Claims.Grains.Campaigns;

[GenerateSerializer, Alias("claims.campaign-state")]
public sealed class CampaignState : IOutboxState
{
    [Id(0)]
    public CampaignDefinition? Definition { get; set; }

    [Id(1)]
    public CampaignStatus Status { get; set; }

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public List<OutboxEntry> Outbox { get; set; } = [];

    [Id(4)]
    public long Version { get; set; }

    /// <summary>Changes to the definition since it was created; nodes' copies are replaced when it moves.</summary>
    [Id(5)]
    public int Revision { get; set; }
}
