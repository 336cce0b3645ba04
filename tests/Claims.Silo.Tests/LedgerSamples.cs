using Claims.Client.Board;
using Claims.Client.Telemetry;
using Claims.Contracts.Campaigns;
using Claims.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Claims.Silo.Tests;

/// <summary>Events to publish to a ledger, and the serializer ledgers store them with.</summary>
internal static class LedgerSamples
{
    public static ClaimsMetrics Metrics { get; } = new(
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
        new ProcessStockBoard(TimeProvider.System));

    public static Serializer Serializer { get; } = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(ClaimsEvent).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static CampaignStatusChanged Paused(string id) => new()
    {
        EventId = $"status:{id}",
        OccurredAt = new DateTimeOffset(2023, 12, 11, 10, 0, 0, TimeSpan.FromHours(8)),
        CampaignId = "lushan-2023",
        Status = CampaignStatus.Paused,
    };
}
