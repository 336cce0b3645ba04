namespace Claims.Contracts.Draws;

/// <summary>One coupon type of a draw: how many registered and how many were drawn and given a coupon.</summary>
[GenerateSerializer, Immutable, Alias("claims.draw-result")]
public sealed record DrawResult(
    [property: Id(0)] string CouponTypeId,
    [property: Id(1)] int Registrants,
    [property: Id(2)] int Winners);
