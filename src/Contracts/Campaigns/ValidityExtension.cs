namespace Claims.Contracts.Campaigns;

/// <summary>
/// An operator's extension of a round's validity, made at <see cref="At"/>: every coupon of the
/// round still valid then, and every one granted later, is valid at least until <see cref="Until"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.validity-extension")]
public sealed record ValidityExtension(DateTimeOffset At, DateTimeOffset Until);
