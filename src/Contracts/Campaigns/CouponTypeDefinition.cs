using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// A threshold coupon: <see cref="FaceValue"/> off an order of at least <see cref="MinSpend"/>
/// (and below <see cref="MaxSpend"/> when set, for car price bands). List-only types are granted to
/// a named list and cannot be claimed. A hot type's pools may be split into
/// <see cref="Shards"/> (see <see cref="PoolShards"/>); left out, Claims chooses from the stock.
/// <see cref="MerchantRequires"/> names attributes a merchant must have been approved with to
/// take the coupon (001, 002: cars and appliances only at 限上 enterprises).
/// <see cref="ReviewDocuments"/> makes it a reviewed big-ticket coupon (001#5, 002, 003): a
/// A <see cref="StoredValue"/> type's face value is a balance (004: Gaoping's love coupons): each
/// order takes what it can of what is left, and the coupon serves orders until it is spent or expires.
/// <see cref="MemberList"/> names the campaign's member list whose residents alone may claim the
/// type, first come first served within its stock (003: union members; see
/// <see cref="Members.IMemberListGrain"/>). A
/// redemption must carry these documents (from <see cref="Redemptions.RedemptionDocuments.Names"/>, always
/// including the invoice number) and waits for an operator's review before it is settled.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[GenerateSerializer, Immutable, Alias("claims.coupon-type-definition")]
public sealed record CouponTypeDefinition(
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
    bool StoredValue = false)
{
    /// <summary>Whether a redemption of this type waits for an operator's review.</summary>
    public bool IsReviewed() => ReviewDocuments is { Count: > 0 };

    /// <summary>How many pool grains share each round's stock of this type.</summary>
    [JsonIgnore]
    public int PoolShards => Shards ?? 1;

    /// <summary>Minimum spend per yuan of discount, the seeds' "leverage".</summary>
    [JsonIgnore]
    public decimal Leverage => FaceValue == 0 ? 0 : MinSpend / FaceValue;
}
