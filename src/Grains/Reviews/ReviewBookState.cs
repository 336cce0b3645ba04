using Claims.Contracts.Redemptions;

namespace Claims.Grains.Reviews;

[GenerateSerializer, Alias("claims.review-book-state")]
public sealed class ReviewBookState
{
    /// <summary>Every review by "merchant/order".</summary>
    [Id(0)]
    public Dictionary<string, RedemptionReview> Reviews { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The order ("merchant/order") holding each invoice number presented, normalised.</summary>
    [Id(1)]
    public Dictionary<string, string> Invoices { get; set; } = new(StringComparer.Ordinal);
}
