using System.Text.Json.Serialization;
using Claims.Contracts.Claims;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// A campaign as grains keep it and store it: funds, coupon types, limits and rounds. The API
/// reads and shows its own document type, mapped to this one in one place (Claims.Api's
/// <c>CampaignDocuments</c>); <see cref="CampaignJson"/> writes this type in the same format, for
/// clients and tools that build campaign files. <see cref="LimitsFreedBy"/> names the statuses
/// (void: refunded or reversed; expired) whose coupons no longer count against a resident's
/// limits; left out, every coupon granted counts. <see cref="LimitsKeyedBy"/> says whom the limits
/// count: each account (left out), or each person the token's <c>pid</c> names.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("claims.campaign-definition")]
public sealed record CampaignDefinition(
    [property: JsonRequired] string Id,
    [property: JsonRequired] string Name,
    string? Description,
    string? TimeZone,
    [property: JsonRequired] IReadOnlyList<string> Regions,
    decimal? MinLeverage,
    [property: JsonRequired] IReadOnlyList<FundDefinition> Funds,
    [property: JsonRequired] IReadOnlyList<CouponTypeDefinition> CouponTypes,
    IReadOnlyList<LimitDefinition>? Limits,
    [property: JsonRequired] IReadOnlyList<RoundDefinition> Rounds,
    IReadOnlyList<string>? Blacklist,
    RefundPolicy? RefundPolicy = null,
    [property: JsonPropertyName("quotaShards")] int? QuotaShardCount = null,
    BusinessHoursDefinition? BusinessHours = null,
    IReadOnlyList<CouponStatus>? LimitsFreedBy = null,
    LimitHolder? LimitsKeyedBy = null)
{
    /// <summary>Whether the limits count per verified person rather than per account.</summary>
    public bool KeyedByPerson() => LimitsKeyedBy == LimitHolder.Person;

    /// <summary>Whose quota a claim by <paramref name="userId"/> (carrying <paramref name="personId"/>) counts against.</summary>
    public string LimitHolderOf(string userId, string? personId) => KeyedByPerson() ? personId ?? userId : userId;

    /// <summary>Whether a coupon in <paramref name="status"/> still counts against the limits.</summary>
    public bool CountsAgainstLimits(CouponStatus status) => LimitsFreedBy?.Contains(status) != true;

    public const string DefaultTimeZone = "Asia/Shanghai";

    public CouponTypeDefinition? FindCouponType(string couponTypeId) =>
        CouponTypes.FirstOrDefault(t => t.Id == couponTypeId);

    /// <summary>
    /// How many quota grains serve each scope (see <see cref="QuotaShards"/>); a campaign stored
    /// before the number was chosen has one per slot.
    /// </summary>
    [JsonIgnore]
    public int QuotaGrains => QuotaShardCount ?? QuotaShards.Count;

    /// <summary>Limits that count across industries force one quota grain per resident (scope <see cref="QuotaScope.All"/>).</summary>
    [JsonIgnore]
    public bool HasCrossIndustryLimit => Limits?.Any(l => l.GroupBy == LimitGrouping.All) == true;

    public string QuotaScopeFor(CouponTypeDefinition couponType) =>
        HasCrossIndustryLimit ? QuotaScope.All : couponType.Industry;

    /// <summary>The round in which <paramref name="couponTypeId"/> can be claimed at <paramref name="now"/>, if any.</summary>
    public RoundDefinition? OpenRound(string couponTypeId, DateTimeOffset now) =>
        Rounds.FirstOrDefault(r => r.Stock.ContainsKey(couponTypeId) && r.OpensAt <= now && now < r.ClosesAt);

    /// <summary>Every pool grain (one per shard) holding <paramref name="roundId"/>'s stock of <paramref name="couponTypeId"/>.</summary>
    public IReadOnlyList<string> PoolKeys(string roundId, string couponTypeId)
    {
        var shards = FindCouponType(couponTypeId)?.PoolShards ?? 1;
        return shards == 1
            ? [GrainKeys.Pool(Id, roundId, couponTypeId)]
            : [.. Enumerable.Range(0, shards).Select(shard => GrainKeys.Pool(Id, roundId, couponTypeId, shard))];
    }

    /// <summary>Every pool grain of <paramref name="rounds"/>: each coupon type they stock, each shard.</summary>
    public IEnumerable<string> PoolKeys(IEnumerable<RoundDefinition> rounds) =>
        from round in rounds
        from couponTypeId in round.Stock.Keys
        from poolKey in PoolKeys(round.Id, couponTypeId)
        select poolKey;

    /// <summary>The pool grain that serves <paramref name="userId"/>'s claims of <paramref name="couponTypeId"/> in <paramref name="roundId"/>.</summary>
    public string PoolKeyFor(string roundId, string couponTypeId, string userId)
    {
        var shards = FindCouponType(couponTypeId)?.PoolShards ?? 1;
        return GrainKeys.Pool(Id, roundId, couponTypeId, shards == 1 ? null : PoolShards.ServingQuotaShard(QuotaShards.Of(userId), shards));
    }

    /// <summary>Region codes are hierarchical (province, city, county): a listed prefix admits every code under it.</summary>
    public bool AdmitsRegion(string regionCode) =>
        Regions.Count == 0 || Regions.Any(r => regionCode.StartsWith(r, StringComparison.Ordinal));

    /// <summary>
    /// The same campaign with every round moved by <paramref name="offset"/>, keeping lengths and gaps.
    /// Used to rehearse a past campaign (the samples) as if it opened now.
    /// </summary>
    public CampaignDefinition ShiftSchedule(TimeSpan offset) => this with
    {
        Rounds = [.. Rounds.Select(r => r with
        {
            OpensAt = r.OpensAt + offset,
            ClosesAt = r.ClosesAt + offset,
            Validity = r.Validity.Until is { } until ? r.Validity with { Until = until + offset } : r.Validity,
            Draw = r.Draw is { } draw ? new(draw.RegistersFrom + offset) : null,
        })],
    };
}
