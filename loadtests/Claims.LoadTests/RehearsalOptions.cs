using System.Globalization;

namespace Claims.LoadTests;

/// <summary>What to rehearse and how hard, from <c>--name value</c> arguments.</summary>
public sealed record RehearsalOptions(
    Uri? Url,
    string CampaignFile,
    int Crowd,
    SpikeShape Spike,
    CrowdMix Mix,
    string SigningKey,
    string Prefix,
    int Seed,
    string ReportFile,
    TimeSpan Timeout,
    TimeSpan? RegistrationWindow = null)
{
    /// <summary>The share of the crowd this process sends; the whole of it by default.</summary>
    public CrowdPart Part { get; init; } = CrowdPart.Whole;

    /// <summary>When the round opens and the crowd starts; now by default, and the same instant for every part.</summary>
    public DateTimeOffset? StartAt { get; init; }

    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>The cores the tool keeps to; the embedded server gets the others.</summary>
    public CpuSet? Cpus { get; init; }

    /// <summary>How many winners' wallets the check reads, drawn at random; every winner's when none is given.</summary>
    public int? CheckWallets { get; init; }

    /// <summary>A server process on this machine to chart (CPU, memory) when not embedded.</summary>
    public int? ServerPid { get; init; }

    /// <summary>The signing key the embedded server is started with; a deployment's own is passed with --signing-key.</summary>
    public const string EmbeddedSigningKey = "rehearsal-signing-key-at-least-32-bytes-long";

    public const string Usage = """
        Usage: Claims.LoadTests --campaign samples/lushan-2023.json (--url http://host:port --signing-key KEY | --embedded)
                                [--crowd 20000] [--peak N] [--ramp 1] [--hold 0] [--half-life 2]
                                [--repeat 0.05] [--outsiders 0.02] [--retries 0.05] [--bots 0.001]
                                [--prefix r1] [--seed 1] [--report rehearsal.html] [--timeout 30]
                                [--registration 300] [--threshold EXPR]... [--cpus 0] [--server-pid PID]
                                [--part k/N --start-at TIME] [--check-wallets N]
          Creates the campaign (its first round moved to open now) with an operator token, then
          sends the crowd's claims on schedule: arrivals rise from 0 to --peak per second over --ramp
          seconds, stay at the peak for --hold seconds (a soak), then halve every --half-life seconds
          down to a trickle of 1% of the peak, whatever the answers (an open arrival model). Without --peak, the peak is the one at which the
          whole crowd arrives within the spike.
          Mix: repeat tappers tap three times with new keys; outsiders claim from outside the region;
          retries send the same request again after its answer; bots tap 30 times in a second.
          With --registration S the first round becomes a draw: registration opens now and the
          round (and its draw) S seconds later; the crowd registers instead of claiming, then the
          tool waits for the opening, runs the draw and reports how long it took.
          Ends with an invariant check through the API (of N winners' wallets drawn at random with
          --check-wallets, every winner's otherwise) and a report: text, an HTML page with charts
          (--report), a JSON summary and a latency log (HdrHistogram's format) beside it. Exits 1 when
          an invariant is broken or a threshold fails, 2 on bad arguments.
          --cpus keeps the tool to those cores (and the embedded server to the others); --server-pid
          charts a server process of this machine. --part k/N sends the k-th of N shares of the crowd
          (resident n is in part n % N + 1) from --start-at (the same instant for every part, as
          10:00:00 or 2026-12-11T10:00:00+08:00); part 1 creates the campaign, the others wait for it.
        Usage: Claims.LoadTests compare A.json B.json [--report compare.html]
        Usage: Claims.LoadTests merge PART.json... [--report rehearsal.html] [--threshold EXPR]...
        Usage: Claims.LoadTests minutes RUN.json [--settle 5]
        """ + "\n" + Threshold.Syntax;

    // Without a peak, the one at which the whole crowd arrives within the spike.
    private static SpikeShape SpikeOf(int crowd, double? peak, TimeSpan ramp, TimeSpan halfLife, TimeSpan hold) =>
        new(peak ?? SpikeShape.PeakFor(crowd, ramp, halfLife, hold), ramp, halfLife, hold);

    public static RehearsalOptions Parse(IReadOnlyList<string> args)
    {
        var (values, thresholds, embedded) = Read(args, ["url", "signing-key", "campaign", "crowd", "peak", "ramp", "hold", "half-life", "repeat", "outsiders", "retries", "bots", "prefix", "seed", "report", "timeout", "registration", "cpus", "server-pid", "part", "start-at", "check-wallets"]);
        if (embedded == values.ContainsKey("url"))
        {
            throw new ArgumentException("Give either --url (with --signing-key) or --embedded.");
        }

        double Number(string name, double fallback, double min, double max) =>
            !values.TryGetValue(name, out var text) ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
            : throw new ArgumentException($"--{name} must be a number from {min} to {max}.");

        Uri? url = null;
        if (values.TryGetValue("url", out var urlText) && !Uri.TryCreate(urlText.EndsWith('/') ? urlText : urlText + "/", UriKind.Absolute, out url))
        {
            throw new ArgumentException($"--url '{urlText}' is not an absolute URL.");
        }

        var part = values.TryGetValue("part", out var partText) ? CrowdPart.Parse(partText) : CrowdPart.Whole;
        if (!part.IsWhole && (embedded || !values.ContainsKey("prefix") || !values.ContainsKey("start-at")))
        {
            throw new ArgumentException("--part needs --url, --prefix and --start-at, the same for every part: the parts share one deployment, one campaign and one opening.");
        }

        var cpus = values.TryGetValue("cpus", out var cpuText) ? CpuSet.Parse(cpuText) : null;
        if (cpus is not null && !OperatingSystem.IsLinux())
        {
            throw new ArgumentException("--cpus keeps processes to cores with Linux's taskset.");
        }

        if (embedded && cpus is not null && CpuSet.Machine.Without(cpus).IsEmpty)
        {
            throw new ArgumentException($"--cpus {cpus} leaves no core for the embedded server.");
        }

        var crowd = (int)Number("crowd", 20_000, 1, 100_000_000);
        var prefix = values.GetValueOrDefault("prefix") ?? $"r{DateTime.UtcNow:HHmmss}";
        return new(
            url,
            values.TryGetValue("campaign", out var file) ? file : throw new ArgumentException("--campaign is required."),
            crowd,
            SpikeOf(crowd, values.ContainsKey("peak") ? Number("peak", 0, 1, 10_000_000) : null, TimeSpan.FromSeconds(Number("ramp", 1, 0, 3600)), TimeSpan.FromSeconds(Number("half-life", 2, 0.01, 3600)), TimeSpan.FromSeconds(Number("hold", 0, 0, 86_400))),
            new CrowdMix(Number("repeat", 0.05, 0, 1), Number("outsiders", 0.02, 0, 1), Number("retries", 0.05, 0, 1), Number("bots", 0.001, 0, 1)),
            embedded ? EmbeddedSigningKey : values.TryGetValue("signing-key", out var key) ? key : throw new ArgumentException("--signing-key is required with --url."),
            prefix,
            (int)Number("seed", 1, 0, int.MaxValue),
            values.GetValueOrDefault("report") ?? (part.IsWhole ? "rehearsal.html" : $"rehearsal-{part.Index}of{part.Count}.html"),
            TimeSpan.FromSeconds(Number("timeout", 30, 1, 600)),
            values.ContainsKey("registration") ? TimeSpan.FromSeconds(Number("registration", 300, 5, 86_400)) : null)
        {
            Part = part,
            StartAt = values.TryGetValue("start-at", out var startText) ? StartTime(startText) : null,
            Thresholds = thresholds,
            Cpus = cpus,
            CheckWallets = values.ContainsKey("check-wallets") ? (int)Number("check-wallets", 0, 1, int.MaxValue) : null,
            ServerPid = values.ContainsKey("server-pid") ? (int)Number("server-pid", 0, 1, int.MaxValue) : null,
        };
    }

    /// <summary>
    /// The <c>--name value</c> pairs of <paramref name="args"/> among <paramref name="known"/>, the
    /// thresholds (<c>--threshold</c> may be given many times), and whether <c>--embedded</c> was.
    /// </summary>
    public static (Dictionary<string, string> Values, IReadOnlyList<Threshold> Thresholds, bool Embedded) Read(IReadOnlyList<string> args, IReadOnlyList<string> known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var thresholds = new List<Threshold>();
        var embedded = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--embedded")
            {
                embedded = true;
                continue;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' at '{args[i]}'.");
            }

            var name = args[i][2..];
            if (name == "threshold")
            {
                thresholds.Add(Threshold.Parse(args[++i]));
            }
            else if (known.Contains(name))
            {
                values[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown option --{name}.");
            }
        }

        return (values, thresholds, embedded);
    }

    /// <summary>The files named first in <paramref name="args"/> (for compare and merge), then their options as <see cref="Read"/> finds them.</summary>
    public static (IReadOnlyList<string> Files, Dictionary<string, string> Values, IReadOnlyList<Threshold> Thresholds) ReadFiles(IReadOnlyList<string> args, IReadOnlyList<string> known)
    {
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var (values, thresholds, embedded) = Read([.. args.Skip(files.Count)], known);
        return embedded ? throw new ArgumentException("--embedded is an option of a rehearsal.") : (files, values, thresholds);
    }

    // A time of day is today's, in this machine's time zone: what someone starting the parts by hand types.
    private static DateTimeOffset StartTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var at)
            ? at
            : throw new ArgumentException($"--start-at '{text}' is not a time, as 10:00:00 or 2026-12-11T10:00:00+08:00.");
}
