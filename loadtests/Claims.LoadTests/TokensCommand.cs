using System.Globalization;

namespace Claims.LoadTests;

/// <summary>
/// <c>Claims.LoadTests tokens</c>: writes signed tokens, one per line, for load generators that
/// cannot sign their own (wrk's scripts, for one). Residents are named <c>{prefix}-{n}</c>.
/// </summary>
public static class TokensCommand
{
    public const string Usage = "Usage: Claims.LoadTests tokens --signing-key KEY [--count 1] [--role resident] [--prefix resident]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        if (args.Count % 2 != 0 || !values.TryGetValue("signing-key", out var key) || values.Keys.Except(["signing-key", "count", "role", "prefix"]).Any()
            || !int.TryParse(values.GetValueOrDefault("count", "1"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var tokens = new ResidentTokens(key);
        var role = values.GetValueOrDefault("role", "resident");
        var prefix = values.GetValueOrDefault("prefix", role);
        for (var n = 0; n < count; n++)
        {
            output.WriteLine(tokens.Mint(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{n}"), role));
        }

        return 0;
    }
}
