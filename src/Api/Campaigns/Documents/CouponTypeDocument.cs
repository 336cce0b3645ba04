using System.Text.Json.Serialization;

namespace Claims.Api.Campaigns.Documents;

/// <summary>A threshold coupon type of a campaign document.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CouponTypeDocument(
    [property: JsonRequired] string Id,
    [property: JsonRequired] string Industry,
    [property: JsonRequired] decimal FaceValue,
    [property: JsonRequired] decimal MinSpend,
    decimal? MaxSpend,
    bool ListOnly,
    int? Shards = null,
    IReadOnlyList<string>? MerchantRequires = null,
    IReadOnlyList<string>? ReviewDocuments = null,
    string? MemberList = null,
    bool StoredValue = false);
