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
    /// <summary>The signing key the embedded server is started with; a deployment's own is passed with --signing-key.</summary>
    public const string EmbeddedSigningKey = "rehearsal-signing-key-at-least-32-bytes-long";

    public const string Usage = """
        Usage: Claims.LoadTests --campaign samples/lushan-2023.json (--url http://host:port --signing-key KEY | --embedded)
                                [--crowd 20000] [--peak N] [--ramp 1] [--half-life 2]
                                [--repeat 0.05] [--outsiders 0.02] [--retries 0.05] [--bots 0.001]
                                [--prefix r1] [--seed 1] [--report rehearsal.html] [--timeout 30]
                                [--registration 300]
          Creates the campaign (its first round moved to open now) with an operator token, then
          sends the crowd's claims on schedule: arrivals rise from 0 to --peak per second over --ramp
          seconds, then halve every --half-life seconds down to a trickle of 1% of the peak, whatever
          the answers (an open arrival model). Without --peak, the peak is the one at which the
          whole crowd arrives within the spike.
          Mix: repeat tappers tap three times with new keys; outsiders claim from outside the region;
          retries send the same request again after its answer; bots tap 30 times in a second.
          With --registration S the first round becomes a draw: registration opens now and the
          round (and its draw) S seconds later; the crowd registers instead of claiming, then the
          tool waits for the opening, runs the draw and reports how long it took.
          Ends with a report (text, and HTML with charts) and an invariant check through the API;
          exits 1 when an invariant is broken.
        """;

    // Without a peak, the one at which the whole crowd arrives within the spike.
    private static SpikeShape SpikeOf(int crowd, double? peak, TimeSpan ramp, TimeSpan halfLife) =>
        new(peak ?? SpikeShape.PeakFor(crowd, ramp, halfLife), ramp, halfLife);

    public static RehearsalOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
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

            values[args[i][2..]] = args[++i];
        }

        string[] known = ["url", "signing-key", "campaign", "crowd", "peak", "ramp", "half-life", "repeat", "outsiders", "retries", "bots", "prefix", "seed", "report", "timeout", "registration"];
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option --{unknown}.");
        }

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

        var crowd = (int)Number("crowd", 20_000, 1, 100_000_000);
        return new(
            url,
            values.TryGetValue("campaign", out var file) ? file : throw new ArgumentException("--campaign is required."),
            crowd,
            SpikeOf(crowd, values.ContainsKey("peak") ? Number("peak", 0, 1, 10_000_000) : null, TimeSpan.FromSeconds(Number("ramp", 1, 0, 3600)), TimeSpan.FromSeconds(Number("half-life", 2, 0.01, 3600))),
            new CrowdMix(Number("repeat", 0.05, 0, 1), Number("outsiders", 0.02, 0, 1), Number("retries", 0.05, 0, 1), Number("bots", 0.001, 0, 1)),
            embedded ? EmbeddedSigningKey : values.TryGetValue("signing-key", out var key) ? key : throw new ArgumentException("--signing-key is required with --url."),
            values.GetValueOrDefault("prefix") ?? $"r{DateTime.UtcNow:HHmmss}",
            (int)Number("seed", 1, 0, int.MaxValue),
            values.GetValueOrDefault("report") ?? "rehearsal.html",
            TimeSpan.FromSeconds(Number("timeout", 30, 1, 600)),
            values.ContainsKey("registration") ? TimeSpan.FromSeconds(Number("registration", 300, 5, 86_400)) : null);
    }
}
