namespace Claims.Contracts.Claims;

/// <summary>One resident's claim, as a quota grain receives it among others of its shard.</summary>
[GenerateSerializer, Immutable, Alias("claims.resident-claim")]
public sealed record ResidentClaim(string UserId, ClaimRequest Request);
