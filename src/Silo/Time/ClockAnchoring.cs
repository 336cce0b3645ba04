using System.Diagnostics;
using Claims.Client.Time;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Claims.Silo.Time;

/// <summary>
/// Anchors the node's clock to the cluster's reference before the node serves anything, and
/// checks it every minute after: PostgreSQL's clock when the cluster keeps its state or its
/// membership there, so every node decides a round's opening and close by the same clock whatever
/// its own wall clock says. A node on the embedded default has nobody to agree with and keeps its
/// wall clock as it was at start.
/// </summary>
internal sealed partial class ClockAnchoring(NodeClock clock, string? reference, ILogger<ClockAnchoring> logger) : BackgroundService
{
    private const int Samples = 5;

    // Closer than this, the reference and the node's count are taken to agree: a reading's own
    // error is the query's round trip, a few milliseconds, and each step would be a jump of its own.
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                var (reading, at) = await ReadAsync(cancellationToken);
                LogAnchored(clock.Anchor(reading, at).TotalMilliseconds);
                break;
            }
            catch (NpgsqlException exception) when (Stopwatch.GetElapsedTime(started) < Patience)
            {
                LogReferenceUnavailable(exception);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(Period);
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var (reading, at) = await ReadAsync(stoppingToken);
                if (clock.DriftFrom(reading, at).Duration() > Tolerance)
                {
                    LogStepped(clock.Anchor(reading, at).TotalMilliseconds);
                }
            }
            catch (NpgsqlException exception)
            {
                LogReferenceUnavailable(exception);
            }
        }
    }

    // The reference's time as of the middle of the round trip that read it, from the quickest of
    // a few round trips: the first pays for opening the connection and compiling the code that
    // reads the answer, and a delay after the reading makes the node's clock lag by half of it.
    private async Task<(DateTimeOffset Reading, long At)> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(reference);
        await connection.OpenAsync(cancellationToken);
        await using var query = new NpgsqlCommand("SELECT clock_timestamp()", connection);
        var best = (Reading: DateTimeOffset.MinValue, At: 0L, RoundTrip: long.MaxValue);
        for (var sample = 0; sample < Samples; sample++)
        {
            var sent = Stopwatch.GetTimestamp();
            var reading = (DateTime)(await query.ExecuteScalarAsync(cancellationToken))!;
            var received = Stopwatch.GetTimestamp();
            if (received - sent < best.RoundTrip)
            {
                best = (new DateTimeOffset(reading, TimeSpan.Zero), sent + ((received - sent) / 2), received - sent);
            }
        }

        return (best.Reading, best.At);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The node's clock counts from PostgreSQL's, {StepMs} ms from its own")]
    private partial void LogAnchored(double stepMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node's clock was {StepMs} ms from PostgreSQL's and now counts from it again")]
    private partial void LogStepped(double stepMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL's clock could not be read; the node counts on from its last anchor")]
    private partial void LogReferenceUnavailable(Exception exception);
}
