using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class MoneyDecimalsTests
{
    [Theory]
    [InlineData("$.couponTypes[0].faceValue")]
    [InlineData("$.couponTypes[0].minSpend")]
    [InlineData("$.couponTypes[0].maxSpend")]
    [InlineData("$.funds[0].amount")]
    public void MoneyWithMoreThanTwoDecimalsIsReported(string path)
    {
        var violation = Assert.Single(CampaignValidator.Validate(WithThreeDecimalsAt(path)));

        Assert.Equal("too_many_decimals", violation.Code);
        Assert.Equal(path, violation.Path);
    }

    [Fact]
    public void MoneyWithTwoDecimalsIsAccepted()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Funds = [CampaignBuilder.Fund with { Amount = 9_999.99m }],
            CouponTypes = [CampaignBuilder.CouponType with { FaceValue = 10.5m, MinSpend = 50.25m, MaxSpend = 1_000.01m }],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    private static CampaignDefinition WithThreeDecimalsAt(string path) => path switch
    {
        "$.couponTypes[0].faceValue" => CampaignBuilder.Valid() with { CouponTypes = [CampaignBuilder.CouponType with { FaceValue = 10.001m }] },
        "$.couponTypes[0].minSpend" => CampaignBuilder.Valid() with { CouponTypes = [CampaignBuilder.CouponType with { MinSpend = 50.005m }] },
        "$.couponTypes[0].maxSpend" => CampaignBuilder.Valid() with { CouponTypes = [CampaignBuilder.CouponType with { MaxSpend = 100.999m }] },
        "$.funds[0].amount" => CampaignBuilder.Valid() with { Funds = [CampaignBuilder.Fund with { Amount = 10_000.001m }] },
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "No definition puts money at this path."),
    };
}
