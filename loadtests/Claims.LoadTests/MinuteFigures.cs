namespace Claims.LoadTests;

/// <summary>
/// One minute of a run, counted from the opening: arrivals and answers per second, grants in it
/// and since the opening, latency percentiles of every answer in it (milliseconds), and the
/// server's mean CPU (percent of one core) and resident memory at its end, when the tool saw the
/// server.
/// </summary>
public sealed record MinuteFigures(int Minute, double ArrivalsPerSecond, double AnswersPerSecond, long Grants, long GrantsSoFar, double P50, double P99, double Max, double? ServerCpuPercent, double? ServerMiB);
