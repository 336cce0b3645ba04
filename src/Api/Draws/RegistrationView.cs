namespace Claims.Api.Draws;

/// <summary>A resident's registration for a draw, with when the draw runs and the hash of its seed.</summary>
public sealed record RegistrationView(string CampaignId, string RoundId, string CouponTypeId, DateTimeOffset RegisteredAt, DateTimeOffset DrawsAt, string SeedHash);
