using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// The hours in the campaign's time zone at which its merchants are expected to redeem; risk
/// control flags a redemption outside them. Equal bounds mean always open; an opening after the
/// closing spans midnight (07:00 to 00:00 keeps a coupon valid until 23:59 unflagged).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("claims.business-hours-definition")]
public sealed record BusinessHoursDefinition([property: JsonRequired] TimeOnly Opens, [property: JsonRequired] TimeOnly Closes)
{
    /// <summary>Whether <paramref name="local"/>, a time of day in the campaign's zone, falls outside these hours.</summary>
    public bool Excludes(TimeOnly local) =>
        Opens != Closes && (Opens < Closes ? local < Opens || local >= Closes : local < Opens && local >= Closes);
}
