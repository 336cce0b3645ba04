namespace Claims.Contracts.Draws;

/// <summary>A resident's entry in a draw round for one coupon type, kept by the type's pool.</summary>
[GenerateSerializer, Immutable, Alias("claims.registration")]
public sealed record Registration(
    [property: Id(0)] string UserId,
    [property: Id(1)] string CouponTypeId,
    [property: Id(2)] string RoundId,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] string? RegionCode,
    [property: Id(5)] string? PersonId);
