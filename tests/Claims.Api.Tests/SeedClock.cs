namespace Claims.Api.Tests;

/// <summary>A clock a test sets to any moment of a seed's programme; it runs on in real time from there.</summary>
public sealed class SeedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);
}
