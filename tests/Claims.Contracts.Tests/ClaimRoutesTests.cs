using Claims.Contracts.Campaigns;
using Claims.Contracts.Claims;

namespace Claims.Contracts.Tests;

public sealed class ClaimRoutesTests
{
    private static readonly CouponTypeDefinition SecondMarketType = CampaignBuilder.CouponType with { Id = "market-20-100", FaceValue = 20, MinSpend = 100 };

    [Fact]
    public void APoolWhoseGrantsAreAllItsLimitCountsDecidesAloneAndHoldsTheResidentToTheLimit()
    {
        var route = RouteOf(CampaignBuilder.Valid());

        Assert.True(route.Direct);
        Assert.Equal(1, route.MaxHeld);
    }

    [Fact]
    public void AnotherTypeOfTheIndustryInTheRoundSendsClaimsThroughTheQuotaGrains()
    {
        var campaign = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType, SecondMarketType],
            Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 100), (SecondMarketType.Id, 50)) }],
        };

        Assert.False(RouteOf(campaign).Direct);

        // Counted per coupon type, the other type is no longer the limit's concern.
        Assert.True(RouteOf(campaign with { Limits = [CampaignBuilder.Limit with { GroupBy = LimitGrouping.CouponType }] }).Direct);
    }

    [Fact]
    public void TheSameTypeInAnotherRoundOfThePhaseSendsClaimsThroughTheQuotaGrains()
    {
        var secondRound = CampaignBuilder.LaterRound with { Phase = "1" };
        var campaign = CampaignBuilder.Valid() with { Rounds = [CampaignBuilder.Round, secondRound] };

        Assert.False(RouteOf(campaign).Direct);
        Assert.True(RouteOf(campaign with { Limits = [CampaignBuilder.Limit with { Per = LimitPeriod.Round }] }).Direct);
        Assert.True(RouteOf(campaign with { Rounds = [CampaignBuilder.Round, CampaignBuilder.LaterRound] }).Direct);
    }

    [Fact]
    public void ALimitAcrossIndustriesCountsEveryClaimableType()
    {
        var campaign = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType, CampaignBuilder.DiningCouponType, CampaignBuilder.LoveCouponType],
            Limits = [new(LimitPeriod.Round, LimitGrouping.All, 3, null)],
            Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 100), ("dining-10-50", 100), ("love-1000", 5)) }],
        };

        Assert.False(RouteOf(campaign).Direct);

        // List-only coupons are granted, not claimed, and no limit counts them.
        var marketOnly = campaign with { Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 100), ("love-1000", 5)) }] };
        Assert.True(RouteOf(marketOnly).Direct);
        Assert.Equal(3, RouteOf(marketOnly).MaxHeld);
        Assert.False(new ClaimRoutes(marketOnly).Find("love-1000")!.Round(CampaignBuilder.RoundId)!.Direct);
    }

    [Fact]
    public void WithoutLimitsAPoolDecidesAloneAndHoldsNobodyBack()
    {
        var route = RouteOf(CampaignBuilder.Valid() with { Limits = null });

        Assert.True(route.Direct);
        Assert.Equal(int.MaxValue, route.MaxHeld);
    }

    [Fact]
    public void ALimitOfOtherIndustriesLeavesTheTypeToItsPool()
    {
        var campaign = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType, SecondMarketType],
            Limits = [CampaignBuilder.Limit with { Industries = ["cars"] }],
            Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 100), (SecondMarketType.Id, 50)) }],
        };

        Assert.True(RouteOf(campaign).Direct);
        Assert.Equal(int.MaxValue, RouteOf(campaign).MaxHeld);
    }

    [Fact]
    public void TheBlacklistAndTheRegionsSayWhoMayClaimAtAll()
    {
        var routes = new ClaimRoutes(CampaignBuilder.Valid() with { Blacklist = ["cheater"], Regions = ["4104"] });

        Assert.Equal(ClaimRefusal.Blacklisted, routes.Ineligible("cheater", "410423"));
        Assert.Equal(ClaimRefusal.RegionNotEligible, routes.Ineligible("honest", "110101"));
        Assert.Null(routes.Ineligible("honest", "410423"));
    }

    [Fact]
    public void TheOpenRoundIsTheOneWhoseWindowHoldsTheMoment()
    {
        var type = new ClaimRoutes(CampaignBuilder.Valid() with { Rounds = [CampaignBuilder.Round, CampaignBuilder.LaterRound] }).Find(CampaignBuilder.CouponTypeId)!;

        Assert.Null(type.OpenRound(CampaignBuilder.RoundOpensAt.AddTicks(-1)));
        Assert.Equal("p1", type.OpenRound(CampaignBuilder.RoundOpensAt)!.Round.Id);
        Assert.Null(type.OpenRound(CampaignBuilder.RoundClosesAt));
        Assert.Equal("p2", type.OpenRound(CampaignBuilder.RoundOpensAt.AddDays(14))!.Round.Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(QuotaShards.Count * 2)]
    public void AQuotaShardCountThatIsNotAPowerOfTwoUpToTheSlotsIsRefused(int quotaShards)
    {
        Assert.Contains(CampaignValidator.Validate(CampaignBuilder.Valid() with { QuotaShardCount = quotaShards }), v => v is { Code: "invalid_quota_shards", Path: "$.quotaShards" });
    }

    private static RoundRoute RouteOf(CampaignDefinition campaign) =>
        new ClaimRoutes(campaign).Find(CampaignBuilder.CouponTypeId)!.Round(CampaignBuilder.RoundId)!;
}
