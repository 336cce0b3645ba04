using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

/// <summary>
/// A minimal valid campaign (one fund, one coupon type, one round) and its parts, for tests to change
/// with <c>with</c> expressions: <c>CampaignBuilder.Valid() with { Funds = [CampaignBuilder.Fund with { Amount = 0 }] }</c>.
/// </summary>
public static class CampaignBuilder
{
    public const string FundId = "county";

    public const string CouponTypeId = "market-10-50";

    public const string RoundId = "p1";

    /// <summary>2023-12-11 10:00 in Shanghai, when <see cref="Round"/> opens.</summary>
    public static DateTimeOffset RoundOpensAt { get; } = new(2023, 12, 11, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>2023-12-17 23:59:59 in Shanghai, when <see cref="Round"/> closes.</summary>
    public static DateTimeOffset RoundClosesAt { get; } = new(2023, 12, 17, 23, 59, 59, TimeSpan.FromHours(8));

    /// <summary>The fund "county" of 10,000 yuan.</summary>
    public static FundDefinition Fund => new(FundId, 10_000);

    /// <summary>10 off 50 at supermarkets: leverage 5, above the campaign floor of 4.</summary>
    public static CouponTypeDefinition CouponType =>
        new(Id: CouponTypeId, Industry: "supermarket", FaceValue: 10, MinSpend: 50, MaxSpend: null, ListOnly: false);

    /// <summary>A second claimable type, of another industry: 10 off 50 at restaurants.</summary>
    public static CouponTypeDefinition DiningCouponType =>
        new(Id: "dining-10-50", Industry: "dining", FaceValue: 10, MinSpend: 50, MaxSpend: null, ListOnly: false);

    /// <summary>A "love" coupon of 1000 yuan without minimum spend, granted to a named list only.</summary>
    public static CouponTypeDefinition LoveCouponType =>
        new(Id: "love-1000", Industry: "any", FaceValue: 1000, MinSpend: 0, MaxSpend: null, ListOnly: true);

    /// <summary>One coupon per resident per industry per phase.</summary>
    public static LimitDefinition Limit => new(Per: LimitPeriod.Phase, GroupBy: LimitGrouping.Industry, Max: 1, Industries: null);

    /// <summary>Coupons valid 7 days from the claim.</summary>
    public static ValidityDefinition Validity => new(Days: 7, Until: null, RoundClose: false);

    /// <summary>Round "p1" of phase "1" on the county fund: 100 coupons of 10 yuan, a week from <see cref="RoundOpensAt"/>.</summary>
    public static RoundDefinition Round => new(
        Id: RoundId,
        Phase: "1",
        Fund: FundId,
        OpensAt: RoundOpensAt,
        ClosesAt: RoundClosesAt,
        Validity: Validity,
        Stock: Stock((CouponTypeId, 100)));

    /// <summary>Round "p2" of phase "2", two weeks after <see cref="Round"/>, with the same fund, validity and stock.</summary>
    public static RoundDefinition LaterRound => Round with
    {
        Id = "p2",
        Phase = "2",
        OpensAt = RoundOpensAt.AddDays(14),
        ClosesAt = RoundClosesAt.AddDays(14),
    };

    /// <summary>A campaign that breaks no rule.</summary>
    public static CampaignDefinition Valid() => new(
        Id: "test-campaign",
        Name: "Test campaign",
        Description: null,
        TimeZone: CampaignDefinition.DefaultTimeZone,
        Regions: ["410423"],
        MinLeverage: 4,
        Funds: [Fund],
        CouponTypes: [CouponType],
        Limits: [Limit],
        Rounds: [Round],
        Blacklist: null);

    /// <summary>A round's stock: coupon type id → count.</summary>
    public static IReadOnlyDictionary<string, int> Stock(params (string CouponTypeId, int Count)[] entries) =>
        entries.ToDictionary(e => e.CouponTypeId, e => e.Count, StringComparer.Ordinal);
}
