using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class ReferenceTests
{
    [Fact]
    public void StockOfUnknownCouponTypeIsReported()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 100), ("ghost-10-50", 5)) }],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("unknown_coupon_type", violation.Code);
        Assert.Equal("$.rounds[0].stock.ghost-10-50", violation.Path);
    }

    [Fact]
    public void RoundOnUnknownFundIsReported()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round with { Fund = "province" }],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("unknown_fund", violation.Code);
        Assert.Equal("$.rounds[0].fund", violation.Path);
    }

    [Fact]
    public void LimitOnUnknownIndustryIsReported()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Limits = [CampaignBuilder.Limit, new LimitDefinition(LimitPeriod.Campaign, LimitGrouping.Industry, 1, ["supermarket", "cars"])],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("unknown_industry", violation.Code);
        Assert.Equal("$.limits[1].industries[1]", violation.Path);
    }

    [Fact]
    public void LimitOnKnownIndustryIsAccepted()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Limits = [new LimitDefinition(LimitPeriod.Campaign, LimitGrouping.Industry, 1, ["supermarket"])],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }
}
