using System.Globalization;

namespace Claims.LoadTests;

/// <summary>A set of CPU numbers in the kernel's list format (<c>0</c>, <c>0,2-3</c>), as taskset and <c>/sys/devices/system/cpu/online</c> write them.</summary>
public sealed record CpuSet(IReadOnlyList<int> Cpus)
{
    private const string Online = "/sys/devices/system/cpu/online";

    /// <summary>The machine's CPUs that are online, whatever this process's affinity.</summary>
    public static CpuSet Machine => File.Exists(Online) ? Parse(File.ReadAllText(Online).Trim()) : new([.. Enumerable.Range(0, Environment.ProcessorCount)]);

    public CpuSet Without(CpuSet other) => new([.. Cpus.Except(other.Cpus)]);

    public bool IsEmpty => Cpus.Count == 0;

    public long Mask => Cpus.Aggregate(0L, (mask, cpu) => mask | (1L << cpu));

    public override string ToString() => string.Join(',', Cpus.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    public static CpuSet Parse(string text)
    {
        var cpus = new SortedSet<int>();
        foreach (var range in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = range.Split('-');
            if (ends.Length > 2 || !ends.All(e => int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var cpu) && cpu < 64))
            {
                throw new ArgumentException($"--cpus '{text}' must list CPUs as 0 or 0,2-3.");
            }

            var (first, last) = (int.Parse(ends[0], CultureInfo.InvariantCulture), int.Parse(ends[^1], CultureInfo.InvariantCulture));
            for (var cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return new([.. cpus]);
    }
}
