using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>A budget line (city, district, payment platform...); funds are configured and settled separately.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("claims.fund-definition")]
public sealed record FundDefinition([property: JsonRequired] string Id, [property: JsonRequired] decimal Amount);
