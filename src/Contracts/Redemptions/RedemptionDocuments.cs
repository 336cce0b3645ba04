namespace Claims.Contracts.Redemptions;

/// <summary>
/// What a till presents with a reviewed big-ticket coupon (001#5, 002, 003): the purchase's
/// invoice, the buyer, and for a car its vehicle identification number. The invoice number is
/// unique within a campaign, so one purchase cannot take two coupons.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.redemption-documents")]
public sealed record RedemptionDocuments(string? InvoiceNumber, decimal? InvoiceAmount, string? BuyerId, string? Vin)
{
    public const string InvoiceNumberName = "invoiceNumber";

    /// <summary>The documents a coupon type may require, by the names its definition uses.</summary>
    public static IReadOnlyList<string> Names { get; } = [InvoiceNumberName, "invoiceAmount", "buyerId", "vin"];

    /// <summary>The names in <paramref name="required"/> this set leaves out.</summary>
    public IReadOnlyList<string> Missing(IReadOnlyList<string> required) =>
        [.. required.Where(name => name switch
        {
            InvoiceNumberName => string.IsNullOrWhiteSpace(InvoiceNumber),
            "invoiceAmount" => InvoiceAmount is null,
            "buyerId" => string.IsNullOrWhiteSpace(BuyerId),
            _ => string.IsNullOrWhiteSpace(Vin),
        })];
}
