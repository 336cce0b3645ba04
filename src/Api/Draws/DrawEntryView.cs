namespace Claims.Api.Draws;

/// <summary>
/// What a resident reads of a draw: whether they registered (and for which type), and once it ran
/// whether they were drawn (<see cref="Coupon"/> is theirs) or not.
/// </summary>
public sealed record DrawEntryView(string RoundId, bool Registered, string? CouponTypeId, DateTimeOffset? RegisteredAt, DrawEntryResult Result, Claims.CouponView? Coupon);
