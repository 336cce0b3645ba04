namespace Claims.Contracts.Claims;

/// <summary>
/// A resident's claim. <see cref="RequestKey"/> identifies it for retries: the client's
/// idempotency key, or a fresh id when the client sent none. <see cref="PersonId"/> is the verified
/// person behind the account (the token's <c>pid</c>), which a campaign may count limits by.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.claim-request")]
public sealed record ClaimRequest(string CouponTypeId, string RegionCode, string RequestKey, string? PersonId = null);
