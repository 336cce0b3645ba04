namespace Claims.Grains.Events;

/// <summary>An operator granted a list-only coupon to a named resident.</summary>
[GenerateSerializer, Alias("claims.coupon-listed")]
public sealed record CouponListed : ClaimsEvent
{
    [Id(0)]
    public required Coupon Coupon { get; init; }
}
