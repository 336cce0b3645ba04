using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// How long a claimed coupon can be redeemed: N days from the claim, until a fixed time, or until
/// the round closes; then lengthened by the <see cref="Extensions"/> operators made while it ran.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("claims.validity-definition")]
public sealed record ValidityDefinition(int? Days, DateTimeOffset? Until, bool RoundClose, IReadOnlyList<ValidityExtension>? Extensions = null);
