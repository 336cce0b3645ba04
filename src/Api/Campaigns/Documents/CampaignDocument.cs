using System.Text.Json.Serialization;

namespace Claims.Api.Campaigns.Documents;

/// <summary>
/// A campaign as an operator writes it: the body of <c>POST /admin/campaigns</c>, the files in
/// <c>samples/</c> and the definition the admin views show. It is mapped to and from the stored
/// <see cref="CampaignDefinition"/> in one place (<see cref="CampaignDocuments"/>), so the HTTP
/// format can change without changing stored data, and stored data without changing the API.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CampaignDocument(
    [property: JsonRequired] string Id,
    [property: JsonRequired] string Name,
    string? Description,
    string? TimeZone,
    [property: JsonRequired] IReadOnlyList<string> Regions,
    decimal? MinLeverage,
    [property: JsonRequired] IReadOnlyList<FundDocument> Funds,
    [property: JsonRequired] IReadOnlyList<CouponTypeDocument> CouponTypes,
    IReadOnlyList<LimitDocument>? Limits,
    [property: JsonRequired] IReadOnlyList<RoundDocument> Rounds,
    IReadOnlyList<string>? Blacklist,
    RefundPolicy? RefundPolicy = null,
    int? QuotaShards = null,
    BusinessHoursDocument? BusinessHours = null,
    IReadOnlyList<CouponStatus>? LimitsFreedBy = null,
    LimitHolder? LimitsKeyedBy = null);

/// <summary>Merchants' hours in the campaign's time zone, for risk control: equal bounds mean always open, an opening after the closing spans midnight.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BusinessHoursDocument([property: JsonRequired] TimeOnly Opens, [property: JsonRequired] TimeOnly Closes);
