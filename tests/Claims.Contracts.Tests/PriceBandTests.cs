using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class PriceBandTests
{
    [Theory]
    [InlineData(100_000)]
    [InlineData(99_999)]
    [InlineData(50_000)]
    public void MaxSpendNotAboveMinSpendIsReported(int maxSpend)
    {
        var definition = WithCarBand(maxSpend);

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("max_spend_not_above_min", violation.Code);
        Assert.Equal("$.couponTypes[1].maxSpend", violation.Path);
    }

    [Theory]
    [InlineData(100_001)]
    [InlineData(150_000)]
    public void MaxSpendAboveMinSpendIsAccepted(int maxSpend)
    {
        Assert.Empty(CampaignValidator.Validate(WithCarBand(maxSpend)));
    }

    private static CampaignDefinition WithCarBand(decimal maxSpend) => CampaignBuilder.Valid() with
    {
        CouponTypes =
        [
            CampaignBuilder.CouponType,
            new CouponTypeDefinition(Id: "car-3000", Industry: "cars", FaceValue: 3000, MinSpend: 100_000, MaxSpend: maxSpend, ListOnly: false),
        ],
    };
}
