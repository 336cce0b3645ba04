namespace Claims.Grains.Events;

/// <summary>
/// A state change, raised by the grain that made it and kept in that grain's outbox until it is
/// delivered. <see cref="EventId"/> is derived from the change itself, so a redelivery carries the
/// same id and the receiver can drop it.
/// </summary>
[GenerateSerializer, Alias("claims.event")]
public abstract record ClaimsEvent
{
    [Id(0)]
    public required string EventId { get; init; }

    [Id(1)]
    public required DateTimeOffset OccurredAt { get; init; }
}
