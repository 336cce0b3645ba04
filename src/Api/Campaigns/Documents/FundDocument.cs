using System.Text.Json.Serialization;

namespace Claims.Api.Campaigns.Documents;

/// <summary>A budget line of a campaign document.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FundDocument([property: JsonRequired] string Id, [property: JsonRequired] decimal Amount);
