using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// Makes a round a draw instead of a rush (003 lists 抽签): residents register for one of its
/// coupon types from <see cref="RegistersFrom"/> until the round opens, and at the opening the
/// winners are drawn up to the stock with a seed whose hash is published before registration
/// closes (see <see cref="Draws.DrawRanking"/>).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("claims.draw-definition")]
public sealed record DrawDefinition([property: JsonRequired] DateTimeOffset RegistersFrom);
