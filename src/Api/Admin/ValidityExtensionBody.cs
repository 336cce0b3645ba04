namespace Claims.Api.Admin;

/// <summary>The new end of a round's coupons' validity.</summary>
public sealed record ValidityExtensionBody(DateTimeOffset? Until);
