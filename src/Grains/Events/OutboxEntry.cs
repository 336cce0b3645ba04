namespace Claims.Grains.Events;

/// <summary>An event waiting in a grain's state, with the state version that raised it.</summary>
[GenerateSerializer, Immutable, Alias("claims.outbox-entry")]
public sealed record OutboxEntry(long Version, ClaimsEvent Event);
