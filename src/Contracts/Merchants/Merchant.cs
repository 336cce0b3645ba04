namespace Claims.Contracts.Merchants;

/// <summary>
/// A shop that redeems coupons: the industries it sells in (<c>any</c> for all) and the region
/// code it trades in, the holds on its money and the steps of its record (who registered,
/// approved, suspended, banned or released it, and when), oldest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.merchant")]
public sealed record Merchant(
    string Id,
    string Name,
    IReadOnlyList<string> Industries,
    string RegionCode,
    MerchantStatus Status,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<MerchantHold>? Holds = null,
    IReadOnlyList<MerchantStep>? Steps = null,
    IReadOnlyList<string>? Attributes = null)
{
    public const string AnyIndustry = "any";

    /// <summary>Whether money of this merchant is held now.</summary>
    public bool Held => Holds is { Count: > 0 } holds && holds[^1].ReleasedAt is null;

    /// <summary>Whether this merchant has every attribute <paramref name="required"/> names.</summary>
    public bool Has(IReadOnlyList<string>? required) =>
        required is null || required.All(a => Attributes?.Contains(a, StringComparer.Ordinal) == true);

    /// <summary>Whether this merchant may take a coupon of <paramref name="industry"/>; a coupon for <c>any</c> industry fits every merchant.</summary>
    public bool Serves(string industry) =>
        industry == AnyIndustry || Industries.Contains(AnyIndustry, StringComparer.Ordinal) || Industries.Contains(industry, StringComparer.Ordinal);
}
