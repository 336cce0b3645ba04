namespace Claims.Contracts.Claims;

/// <summary>
/// A coupon in a resident's wallet. <see cref="RequestKey"/> is the claim that produced it, so a
/// replayed claim finds the same coupon. <see cref="ClaimRegion"/> is where it was claimed from;
/// none for a coupon granted to a list. <see cref="PersonId"/> is whose quota it counts against in
/// a campaign whose limits count persons. <see cref="Balance"/> is what is left of a stored-value coupon.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.coupon")]
public sealed record Coupon(
    string CouponId,
    string CampaignId,
    string RoundId,
    string Phase,
    string CouponTypeId,
    string Industry,
    decimal FaceValue,
    decimal MinSpend,
    decimal? MaxSpend,
    string OwnerId,
    string RequestKey,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    CouponStatus Status,
    string? ClaimRegion = null,
    string? PersonId = null,
    decimal? Balance = null);
