using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// One release: from <see cref="OpensAt"/> to <see cref="ClosesAt"/> residents claim from
/// <see cref="Stock"/> (coupon type id → count), paid by <see cref="Fund"/>, or when
/// <see cref="CoFunding"/> is set by several funds in fixed shares (which include
/// <see cref="Fund"/>, the round's lead fund). <see cref="RollInto"/> sends the value a type
/// leaves unclaimed at the close to another type of the next round (001: 发放后期…打破行业界限).
/// <see cref="Draw"/> makes the round a draw: residents register before it opens instead of rushing it.
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
    [property: JsonRequired] IReadOnlyDictionary<string, int> Stock,
    IReadOnlyList<FundShare>? CoFunding = null,
    IReadOnlyDictionary<string, string>? RollInto = null,
    DrawDefinition? Draw = null)
{
    /// <summary>Who pays this round's coupons, in order: the co-funders, or the lead fund alone.</summary>
    /// <remarks>A method, not a property: grain state is stored with its properties, and this is derived.</remarks>
    public IReadOnlyList<FundShare> Payers() => CoFunding ?? [new(Fund, 1)];

    /// <summary>Whether <paramref name="other"/> is paid the same way: funds are never mixed, so stock moves only between such rounds.</summary>
    public bool PaidLike(RoundDefinition other) =>
        Fund == other.Fund && Payers().SequenceEqual(other.Payers());

    /// <summary>The coupon type of the next round that takes what <paramref name="couponTypeId"/> leaves unclaimed at this round's close.</summary>
    public string RolloverType(string couponTypeId) => RollInto?.GetValueOrDefault(couponTypeId) ?? couponTypeId;

    /// <summary>Rounds without a phase form a phase of their own.</summary>
    [JsonIgnore]
    public string PhaseKey => Phase ?? Id;
}
