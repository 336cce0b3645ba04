namespace Claims.Grains.Events;

/// <summary>A pool granted a coupon to a resident.</summary>
[GenerateSerializer, Alias("claims.coupon-claimed")]
public sealed record CouponClaimed : ClaimsEvent
{
    [Id(0)]
    public required Coupon Coupon { get; init; }
}
