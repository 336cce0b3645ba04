using System.Text.RegularExpressions;

namespace Claims.Api.Redemptions;

/// <summary>Tills number orders their own way; an order id only has to be safe in a grain key.</summary>
public static partial class OrderIds
{
    public const string Rule = "Order ids are 1-64 characters of letters, digits, '-', '_', '.' and ':'.";

    public static bool IsValid(string? orderId) => orderId is not null && Pattern().IsMatch(orderId);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}\z")]
    private static partial Regex Pattern();
}
