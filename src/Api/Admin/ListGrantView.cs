using Claims.Api.Claims;

namespace Claims.Api.Admin;

/// <summary>What a list grant did: coupons given now, coupons residents already held, and who got none and why.</summary>
public sealed record ListGrantView(string RoundId, CouponView[] Granted, CouponView[] AlreadyHeld, ListGrantRefusalView[] Refused);
