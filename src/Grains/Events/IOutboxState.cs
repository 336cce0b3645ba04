namespace Claims.Grains.Events;

/// <summary>Grain state that carries its own undelivered events and a version counting its changes.</summary>
public interface IOutboxState
{
    List<OutboxEntry> Outbox { get; }

    long Version { get; set; }
}
