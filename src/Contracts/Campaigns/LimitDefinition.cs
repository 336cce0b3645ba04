using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// At most <see cref="Max"/> claims per resident in each <see cref="Per"/> period, counted per
/// <see cref="GroupBy"/> group; when <see cref="Industries"/> is set the limit only concerns those industries.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("claims.limit-definition")]
public sealed record LimitDefinition(
    [property: JsonRequired] LimitPeriod Per,
    [property: JsonRequired] LimitGrouping GroupBy,
    [property: JsonRequired] int Max,
    IReadOnlyList<string>? Industries)
{
    public bool Concerns(string industry) => Industries is null || Industries.Contains(industry);
}
