namespace Claims.Contracts.Redemptions;

/// <summary>An operator's decision on the review of a merchant's order.</summary>
[GenerateSerializer, Immutable, Alias("claims.review-decision")]
public sealed record ReviewDecision(string MerchantId, string OrderId, bool Approve, string? By, string? Reason);
