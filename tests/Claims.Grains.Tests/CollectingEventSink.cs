using System.Collections.Concurrent;
using Claims.Grains.Events;

namespace Claims.Grains.Tests;

public sealed class CollectingEventSink : IClaimsEventSink
{
    public ConcurrentQueue<ClaimsEvent> Events { get; } = new();

    public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events)
    {
        foreach (var e in events)
        {
            Events.Enqueue(e);
        }

        return ValueTask.CompletedTask;
    }
}
