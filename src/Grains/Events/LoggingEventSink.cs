namespace Claims.Grains.Events;

/// <summary>The default sink: writes each event to the log, where operators can follow the rush.</summary>
public sealed partial class LoggingEventSink(ILogger<LoggingEventSink> logger) : IClaimsEventSink
{
    public ValueTask PublishAsync(IReadOnlyList<ClaimsEvent> events)
    {
        foreach (var e in events)
        {
            LogEvent(e.GetType().Name, e.EventId);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{EventType} {EventId}")]
    private partial void LogEvent(string eventType, string eventId);
}
