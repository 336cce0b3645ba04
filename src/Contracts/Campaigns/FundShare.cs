using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>The part of a co-funded round's coupons one fund pays (002: four funders; 004: province and city).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("claims.fund-share")]
public sealed record FundShare([property: JsonRequired] string Fund, [property: JsonRequired] decimal Share);
