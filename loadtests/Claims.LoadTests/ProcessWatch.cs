using System.Diagnostics;

namespace Claims.LoadTests;

/// <summary>
/// A process's CPU time and resident memory, read from the kernel each time it is sampled (once
/// a second while the crowd runs): the server's, to chart it and count its CPU per answer, and
/// the tool's own, to show that the generator kept out of the way.
/// </summary>
public sealed class ProcessWatch
{
    private readonly Process _process;
    private readonly Func<TimeSpan> _clock;
    private readonly List<ProcessSample> _samples = [];
    private readonly TimeSpan _firstCpu;
    private TimeSpan _lastCpu;
    private TimeSpan _lastAt;

    public ProcessWatch(Process process, Func<TimeSpan> clock)
    {
        _process = process;
        _clock = clock;
        _process.Refresh();
        _firstCpu = _lastCpu = _process.TotalProcessorTime;
    }

    public IReadOnlyList<ProcessSample> Samples => _samples;

    /// <summary>CPU time from the start of the watch to its last sample.</summary>
    public TimeSpan CpuTime => _lastCpu - _firstCpu;

    /// <summary>The most memory the process has held resident (the kernel's VmHWM).</summary>
    public long PeakBytes
    {
        get
        {
            _process.Refresh();
            return Math.Max(_process.PeakWorkingSet64, _samples.Select(s => s.ResidentBytes).DefaultIfEmpty().Max());
        }
    }

    public void Sample()
    {
        try
        {
            _process.Refresh();
            var (at, cpu) = (_clock(), _process.TotalProcessorTime);
            if (at > _lastAt)
            {
                _samples.Add(new(at.TotalSeconds, (cpu - _lastCpu) / (at - _lastAt) * 100, _process.WorkingSet64));
                (_lastCpu, _lastAt) = (cpu, at);
            }
        }
        catch (InvalidOperationException)
        {
            // The process has exited: its last samples stand.
        }
    }
}
