using System.Globalization;

namespace Claims.Client.Board;

/// <summary>A post on the stock channel: the pool's key and its three counts, separated by spaces (pool keys hold none).</summary>
public static class StockAnnouncement
{
    public static string Format(string poolKey, StockPost post) =>
        string.Create(CultureInfo.InvariantCulture, $"{poolKey} {post.Stock} {post.RolledIn} {post.Remaining}");

    public static bool TryParse(string? message, out string poolKey, out StockPost post)
    {
        var parts = message?.Split(' ') ?? [];
        poolKey = parts.Length == 4 ? parts[0] : "";
        post = default;
        if (parts.Length != 4 || !Count(parts[1], out var stock) || !Count(parts[2], out var rolledIn) || !Count(parts[3], out var remaining))
        {
            return false;
        }

        post = new(stock, rolledIn, remaining);
        return true;
    }

    private static bool Count(string text, out int count) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count);
}
