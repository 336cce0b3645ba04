namespace Claims.Contracts.Pools;

/// <summary>
/// A request for one coupon on behalf of <see cref="UserId"/>: from a quota grain, whose
/// activation <see cref="Fence"/> names, or straight from an API node (<see cref="Direct"/>) to a
/// pool that enforces the limits itself. <see cref="RegionCode"/> is where the resident claimed
/// from (000, 003: residents located in the region), kept with the coupon for the reports.
/// <see cref="PersonId"/> is the person whose quota the grant counts against in a campaign whose
/// limits count persons: their quota grain's slot, not the account's, is the one fenced and indexed.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.pool-grant-request")]
public sealed record PoolGrantRequest(string UserId, string RequestKey, Guid Fence, string? RegionCode = null, string? PersonId = null)
{
    /// <summary>The quota slot the request comes from: its person's, else its account's.</summary>
    public int Slot() => QuotaShards.Of(PersonId ?? UserId);

    /// <summary>The fence of a request no quota grain sent.</summary>
    public static readonly Guid Direct = Guid.Empty;
}
