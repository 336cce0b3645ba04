using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class PositiveValueTests
{
    [Theory]
    [InlineData("$.couponTypes[0].faceValue", 0)]
    [InlineData("$.couponTypes[0].faceValue", -10)]
    [InlineData("$.couponTypes[0].minSpend", 0)]
    [InlineData("$.couponTypes[0].minSpend", -50)]
    [InlineData("$.couponTypes[0].maxSpend", -1)]
    [InlineData("$.funds[0].amount", 0)]
    [InlineData("$.funds[0].amount", -10000)]
    [InlineData("$.limits[0].max", 0)]
    [InlineData("$.limits[0].max", -1)]
    [InlineData("$.rounds[0].validity.days", 0)]
    [InlineData("$.rounds[0].validity.days", -7)]
    public void ZeroOrNegativeValueIsReported(string path, int value)
    {
        var violations = CampaignValidator.Validate(WithValueAt(path, value));

        Assert.Contains(violations, v => v.Code == "not_positive" && v.Path == path);
    }

    [Theory]
    [InlineData("$.couponTypes[0].faceValue")]
    [InlineData("$.limits[0].max")]
    [InlineData("$.rounds[0].validity.days")]
    public void ZeroValueIsTheOnlyViolation(string path)
    {
        var violation = Assert.Single(CampaignValidator.Validate(WithValueAt(path, 0)));

        Assert.Equal("not_positive", violation.Code);
        Assert.Equal(path, violation.Path);
    }

    [Fact]
    public void NegativeStockIsReportedAndZeroIsARoundFedOnlyByRollover()
    {
        Assert.Equal("negative", Assert.Single(CampaignValidator.Validate(WithValueAt("$.rounds[0].stock.market-10-50", -100))).Code);
        Assert.Empty(CampaignValidator.Validate(WithValueAt("$.rounds[0].stock.market-10-50", 0)));
    }

    [Fact]
    public void ListOnlyTypeMayHaveNoMinimumSpend()
    {
        var definition = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType, CampaignBuilder.LoveCouponType with { MinSpend = 0 }],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    private static CampaignDefinition WithValueAt(string path, int value) => path switch
    {
        "$.couponTypes[0].faceValue" => CampaignBuilder.Valid() with { CouponTypes = [CampaignBuilder.CouponType with { FaceValue = value }] },
        "$.couponTypes[0].minSpend" => CampaignBuilder.Valid() with { CouponTypes = [CampaignBuilder.CouponType with { MinSpend = value }] },
        "$.couponTypes[0].maxSpend" => CampaignBuilder.Valid() with { CouponTypes = [CampaignBuilder.CouponType with { MaxSpend = value }] },
        "$.funds[0].amount" => CampaignBuilder.Valid() with { Funds = [CampaignBuilder.Fund with { Amount = value }] },
        "$.rounds[0].stock.market-10-50" => CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, value)) }],
        },
        "$.limits[0].max" => CampaignBuilder.Valid() with { Limits = [CampaignBuilder.Limit with { Max = value }] },
        "$.rounds[0].validity.days" => CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round with { Validity = CampaignBuilder.Validity with { Days = value } }],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "No definition puts a number at this path."),
    };
}
