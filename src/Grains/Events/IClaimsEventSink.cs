namespace Claims.Grains.Events;

/// <summary>
/// The one seam every domain event leaves through. Grains hand over events only once they are
/// durable in the grain's state, and again after a restart if the hand-over was not recorded, so a
/// sink sees each event at least once.
/// </summary>
public interface IClaimsEventSink
{
    ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events);
}
