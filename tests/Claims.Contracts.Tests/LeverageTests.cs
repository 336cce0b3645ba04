using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class LeverageTests
{
    [Fact]
    public void LeverageBelowFloorIsReported()
    {
        var definition = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType with { MinSpend = 30 }],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("leverage_below_floor", violation.Code);
        Assert.Equal("$.couponTypes[0]", violation.Path);
    }

    [Fact]
    public void LeverageAtFloorIsAccepted()
    {
        var definition = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType with { MinSpend = 40 }],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Fact]
    public void FloorIsTheCampaignsOwn()
    {
        // Lushan's 50 off 200 has leverage 4: fine under its floor of 4, too low under a floor of 5.
        var definition = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType with { FaceValue = 50, MinSpend = 200 }],
        };

        Assert.Empty(CampaignValidator.Validate(definition with { MinLeverage = 4 }));
        var violation = Assert.Single(CampaignValidator.Validate(definition with { MinLeverage = 5 }));
        Assert.Equal("leverage_below_floor", violation.Code);
        Assert.Equal("$.couponTypes[0]", violation.Path);
    }

    [Fact]
    public void OnlyTheTypeBelowFloorIsReported()
    {
        var definition = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType, CampaignBuilder.DiningCouponType with { MinSpend = 20 }],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("leverage_below_floor", violation.Code);
        Assert.Equal("$.couponTypes[1]", violation.Path);
    }

    [Fact]
    public void ListOnlyTypesAreExemptFromTheFloor()
    {
        var gift = new CouponTypeDefinition(Id: "gift-500", Industry: "any", FaceValue: 500, MinSpend: 100, MaxSpend: null, ListOnly: true);
        var definition = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType, CampaignBuilder.LoveCouponType, gift],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Fact]
    public void CampaignWithoutFloorAcceptsAnyLeverage()
    {
        var definition = CampaignBuilder.Valid() with
        {
            MinLeverage = null,
            CouponTypes = [CampaignBuilder.CouponType with { MinSpend = 10 }],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Fact]
    public void FloorMustBePositive()
    {
        var violation = Assert.Single(CampaignValidator.Validate(CampaignBuilder.Valid() with { MinLeverage = 0 }));

        Assert.Equal("not_positive", violation.Code);
        Assert.Equal("$.minLeverage", violation.Path);
    }
}
