using System.Globalization;
using HdrHistogram;

namespace Claims.LoadTests;

/// <summary>
/// The latency of every answer in HdrHistogram's log format (written and read by its
/// HistogramLogWriter and HistogramLogReader): one interval histogram per second and outcome,
/// tagged with the outcome, so the parts of a crowd merge without losing any precision.
/// </summary>
public static class LatencyLog
{
    // A tag may hold no spaces; an outcome's status and code are parted by one.
    private const char TagSpace = ':';

    public static void Write(string path, DateTimeOffset start, Recorder recorder)
    {
        var opening = start.ToUnixTimeMilliseconds();
        var histograms = recorder.Latency().Select(l =>
        {
            l.Latency.Tag = l.Outcome.Replace(' ', TagSpace);
            l.Latency.StartTimeStamp = opening + (l.Second * 1000L);
            l.Latency.EndTimeStamp = l.Latency.StartTimeStamp + 1000;
            return l.Latency;
        }).ToArray();
        using var file = File.Create(path);
        InvariantCulture(() => HistogramLogWriter.Write(file, start.UtcDateTime, histograms));
    }

    /// <summary>Each histogram of the log at <paramref name="path"/>, by its second from <paramref name="start"/>.</summary>
    public static IReadOnlyList<(int Second, string Outcome, HistogramBase Latency)> Read(string path, DateTimeOffset start)
    {
        var opening = start.ToUnixTimeMilliseconds();
        using var file = File.OpenRead(path);
        using var reader = new HistogramLogReader(file);
        List<HistogramBase> histograms = [];
        InvariantCulture(() => histograms = [.. reader.ReadHistograms()]);
        return [.. histograms.Select(h => ((int)Math.Round((h.StartTimeStamp - opening) / 1000.0), (h.Tag ?? "").Replace(TagSpace, ' '), h))];
    }

    // The library formats and parses its timestamps with the current culture: a comma for the
    // decimal point would break the log's own comma-separated columns.
    private static void InvariantCulture(Action action)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
