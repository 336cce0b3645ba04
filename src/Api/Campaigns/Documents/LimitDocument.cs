using System.Text.Json.Serialization;

namespace Claims.Api.Campaigns.Documents;

/// <summary>A claim limit of a campaign document.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LimitDocument(
    [property: JsonRequired] LimitPeriod Per,
    [property: JsonRequired] LimitGrouping GroupBy,
    [property: JsonRequired] int Max,
    IReadOnlyList<string>? Industries);
