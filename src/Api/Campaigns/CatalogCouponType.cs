namespace Claims.Api.Campaigns;

/// <summary>
/// A claimable coupon type with its stock in the round that is open (or opens next, or closed
/// last): the round's own stock, what earlier rounds rolled into it, and what is left to claim.
/// <see cref="MembersOnly"/> types may be claimed by the residents on their member list alone.
/// </summary>
public sealed record CatalogCouponType(
    string CouponTypeId,
    string Industry,
    decimal FaceValue,
    decimal MinSpend,
    decimal? MaxSpend,
    string RoundId,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    bool Open,
    int Stock,
    int RolledIn,
    int Remaining,
    bool MembersOnly);
