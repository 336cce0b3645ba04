using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// One release: from <see cref="OpensAt"/> to <see cref="ClosesAt"/> residents claim from
/// <see cref="Stock"/> (coupon type id → count), paid by <see cref="Fund"/>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("claims.round-definition")]
public sealed record RoundDefinition(
    [property: JsonRequired] string Id,
    string? Phase,
    [property: JsonRequired] string Fund,
    [property: JsonRequired] DateTimeOffset OpensAt,
    [property: JsonRequired] DateTimeOffset ClosesAt,
    [property: JsonRequired] ValidityDefinition Validity,
    [property: JsonRequired] IReadOnlyDictionary<string, int> Stock)
{
    /// <summary>Rounds without a phase form a phase of their own.</summary>
    [JsonIgnore]
    public string PhaseKey => Phase ?? Id;
}
