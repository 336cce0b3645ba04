namespace Claims.LoadTests;

/// <summary>
/// A process's use of the machine over the second before <see cref="At"/> (seconds from the
/// opening): CPU in percent of one core (two busy cores are 200), and resident memory.
/// </summary>
public sealed record ProcessSample(double At, double CpuPercent, long ResidentBytes);
