using Claims.Contracts.Redemptions;

namespace Claims.Api.Redemptions;

/// <summary>A till's redemption; <see cref="Documents"/> are required by reviewed big-ticket types and checked only for them.</summary>
public sealed record RedemptionBody(string? CouponId, string? UserId, string? OrderId, decimal? OrderAmount, string? RegionCode, RedemptionDocuments? Documents = null);
