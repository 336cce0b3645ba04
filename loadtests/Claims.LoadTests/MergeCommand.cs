namespace Claims.LoadTests;

/// <summary>
/// <c>Claims.LoadTests merge PART.json...</c>: the one report of a crowd sent in parts
/// (<c>--part k/N</c>), from each part's summary and the latency log beside it. Answers, arrivals
/// and requests in flight add up second by second, latency merges histogram by histogram; the
/// stock is part 1's. Beyond each part's own invariant check, it checks what only all the parts
/// together show: no coupon went to residents of two parts, no pool granted more than it had.
/// </summary>
public static class MergeCommand
{
    public const string Usage = "Usage: Claims.LoadTests merge PART.json... [--report rehearsal.html] [--threshold EXPR]...";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        (RunSummary Run, Recorder Recorder) merged;
        IReadOnlyList<Threshold> thresholds;
        string report;
        try
        {
            (var files, var values, thresholds) = RehearsalOptions.ReadFiles(args, ["report"]);
            merged = Merge(files);
            report = values.GetValueOrDefault("report") ?? "rehearsal.html";
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or System.Text.Json.JsonException)
        {
            error.WriteLine(exception.Message);
            error.WriteLine(Usage);
            error.WriteLine(Threshold.Syntax);
            return 2;
        }

        return await RunOutputs.FinishAsync(merged.Run, merged.Recorder, thresholds, report, output, cancellationToken);
    }

    public static (RunSummary Run, Recorder Recorder) Merge(IReadOnlyList<string> files)
    {
        var parts = files.Select(file => (File: file, Run: RunOutputs.Read(file)))
            .Select(p => (p.File, p.Run, Part: CrowdPart.Parse(p.Run.Part ?? throw new ArgumentException($"{p.File} is the summary of a whole run, not of a part."))))
            .ToList();
        var count = parts.Count == 0 ? throw new ArgumentException("Give the summaries of every part.") : parts[0].Part.Count;
        if (parts.Any(p => p.Run.CampaignId != parts[0].Run.CampaignId || p.Part.Count != count))
        {
            throw new ArgumentException("The summaries are of different rehearsals: their campaigns or numbers of parts differ.");
        }

        if (Enumerable.Range(1, count).FirstOrDefault(k => parts.Count(p => p.Part.Index == k) != 1) is var wrong and > 0)
        {
            throw new ArgumentException($"Part {wrong}/{count} must be given exactly once.");
        }

        var start = parts.Min(p => p.Run.StartedAt);
        var recorder = new Recorder();
        var tool = new Dictionary<int, ProcessSample>();
        foreach (var (file, run, part) in parts)
        {
            // Every part starts at the same opening; a part started late keeps its place on the clock.
            var offset = (int)Math.Round((run.StartedAt - start).TotalSeconds);
            foreach (var (second, outcome, latency) in LatencyLog.Read(RunOutputs.LogBeside(file, run), run.StartedAt))
            {
                recorder.Add(second + offset, outcome, latency);
            }

            foreach (var second in run.Timeline)
            {
                recorder.Arrived(second.Second + offset, second.Arrivals);
                if (second.InFlight is { } inFlight)
                {
                    recorder.InFlight(second.Second + offset, inFlight);
                }
            }

            foreach (var pool in run.Pools.Where(p => p.SoldOutAt is not null))
            {
                recorder.SawSoldOut(pool.CouponTypeId, TimeSpan.FromSeconds(pool.SoldOutAt!.Value + offset));
            }

            foreach (var grant in run.Grants)
            {
                recorder.SawGrant(grant with { At = grant.At + TimeSpan.FromSeconds(offset) });
            }

            foreach (var sample in run.Tool)
            {
                var at = (int)Math.Round(sample.At) + offset;
                var sum = tool.GetValueOrDefault(at, new ProcessSample(at, 0, 0));
                tool[at] = sum with { CpuPercent = sum.CpuPercent + sample.CpuPercent, ResidentBytes = sum.ResidentBytes + sample.ResidentBytes };
            }
        }

        var first = parts.Single(p => p.Part.IsFirst).Run;
        var server = parts.Select(p => p.Run).FirstOrDefault(r => r.Server.Count > 0);
        return (new RunSummary
        {
            CampaignId = first.CampaignId,
            Target = first.Target,
            StartedAt = start,
            Crowd = first.Crowd,
            PeakArrivals = first.PeakArrivals,
            RampSeconds = first.RampSeconds,
            HalfLifeSeconds = first.HalfLifeSeconds,
            HoldSeconds = first.HoldSeconds,
            Seconds = parts.Max(p => p.Run.Seconds + (p.Run.StartedAt - start).TotalSeconds),
            Pools = first.Pools,
            Stock = first.Stock,
            Server = server?.Server ?? [],
            ServerCpuSeconds = server?.ServerCpuSeconds,
            ServerPeakBytes = server?.ServerPeakBytes,
            Tool = [.. tool.Values.OrderBy(s => s.At)],
            ToolCpuSeconds = parts.Sum(p => p.Run.ToolCpuSeconds),
            ToolCores = parts.Sum(p => p.Run.ToolCores),
            Draw = first.Draw,
            WalletsChecked = parts.Any(p => p.Run.WalletsChecked is not null) ? parts.Sum(p => p.Run.WalletsChecked ?? p.Run.Grants.Select(g => g.ResidentId).Distinct().Count()) : null,
            Violations = [.. parts.SelectMany(p => p.Run.Violations.Select(v => $"part {p.Part}: {v}")), .. AcrossParts(parts.Select(p => (p.Part, p.Run)).ToList(), first.Pools)],
        }.Measured(recorder), recorder);
    }

    private static IEnumerable<string> AcrossParts(IReadOnlyList<(CrowdPart Part, RunSummary Run)> parts, IReadOnlyList<PoolFigures> pools)
    {
        var grants = parts.SelectMany(p => p.Run.Grants.Select(g => (p.Part, Grant: g))).ToList();
        foreach (var shared in grants.GroupBy(g => g.Grant.CouponId).Where(g => g.Select(x => x.Part.Index).Distinct().Count() > 1))
        {
            yield return $"coupon {shared.Key} was granted to {string.Join(", ", shared.Select(g => $"{g.Grant.ResidentId} (part {g.Part})").Distinct())}";
        }

        foreach (var pool in pools)
        {
            var seen = grants.Where(g => g.Grant.CouponTypeId == pool.CouponTypeId).Select(g => g.Grant.CouponId).Distinct().Count();
            if (seen > pool.Capacity)
            {
                yield return $"{pool.CouponTypeId}: oversold, {seen} coupons answered granted across the parts, of {pool.Capacity}";
            }
        }
    }
}
