using Claims.Contracts.Claims;

namespace Claims.Contracts.Pools;

/// <summary>What a list grant did for one resident: their coupon (new or held before) or why none.</summary>
[GenerateSerializer, Immutable, Alias("claims.list-grant-result")]
public sealed record ListGrantResult(string UserId, Coupon? Coupon, bool AlreadyHeld, ClaimRefusal? Refusal);
