using Claims.Grains.Events;

namespace Claims.Grains.Merchants;

[GenerateSerializer, Alias("claims.merchant-state")]
public sealed class MerchantState : IOutboxState
{
    [Id(0)]
    public Merchant? Merchant { get; set; }

    [Id(1)]
    public List<OutboxEntry> Outbox { get; set; } = [];

    [Id(2)]
    public long Version { get; set; }
}
