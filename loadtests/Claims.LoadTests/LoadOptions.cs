using System.Globalization;

namespace Claims.LoadTests;

/// <summary>What to load and how hard, from <c>--name value</c> arguments.</summary>
public sealed record LoadOptions(
    Uri Url,
    string CampaignId,
    string CouponTypeId,
    string RegionCode,
    int Residents,
    int Concurrency,
    string ResidentPrefix)
{
    public const string Usage = """
        Usage: Claims.LoadTests --url http://localhost:5080 --campaign lushan-2023 --coupon-type market-10-50
                                --region 410423 [--residents 2000] [--concurrency 64] [--prefix load-1]
          Each resident ({prefix}-{n}) gets a development token and claims once.
          The prefix defaults to one per run, so a second run meets fresh residents.
        """;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' at '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) =>
            values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

        int Positive(string name, int fallback) =>
            !values.TryGetValue(name, out var text) ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
            : throw new ArgumentException($"--{name} must be a positive whole number.");

        var known = new[] { "url", "campaign", "coupon-type", "region", "residents", "concurrency", "prefix" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option --{unknown}.");
        }

        // Relative request paths resolve under the base address only when it ends with a slash.
        var url = Required("url");
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseUrl))
        {
            throw new ArgumentException($"--url '{url}' is not an absolute URL.");
        }

        return new(
            baseUrl,
            Required("campaign"),
            Required("coupon-type"),
            Required("region"),
            Positive("residents", 2000),
            Positive("concurrency", 64),
            values.GetValueOrDefault("prefix") ?? $"load-{DateTime.UtcNow:yyyyMMddHHmmss}");
    }
}
