using System.Text.Json.Serialization;

namespace Claims.Api.Campaigns.Documents;

/// <summary>A release of a campaign document, with its coupons' validity.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RoundDocument(
    [property: JsonRequired] string Id,
    string? Phase,
    [property: JsonRequired] string Fund,
    [property: JsonRequired] DateTimeOffset OpensAt,
    [property: JsonRequired] DateTimeOffset ClosesAt,
    [property: JsonRequired] ValidityDocument Validity,
    [property: JsonRequired] IReadOnlyDictionary<string, int> Stock,
    IReadOnlyList<FundShareDocument>? CoFunding = null,
    IReadOnlyDictionary<string, string>? RollInto = null,
    DrawDocument? Draw = null);

/// <summary>A draw round's registration window: from <c>registersFrom</c> until the round opens, when the draw runs.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DrawDocument([property: JsonRequired] DateTimeOffset RegistersFrom);

/// <summary>One co-funder's share of a round's coupons.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FundShareDocument([property: JsonRequired] string Fund, [property: JsonRequired] decimal Share);

/// <summary>How long a claimed coupon can be redeemed: N days, until a fixed time, or until the round closes; lengthened by the operators' extensions.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ValidityDocument(int? Days, DateTimeOffset? Until, bool RoundClose, IReadOnlyList<ValidityExtensionDocument>? Extensions = null);

/// <summary>An extension of a round's validity: made at <see cref="At"/>, to <see cref="Until"/>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ValidityExtensionDocument([property: JsonRequired] DateTimeOffset At, [property: JsonRequired] DateTimeOffset Until);
