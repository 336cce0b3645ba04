using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class IdTests
{
    public static TheoryData<string> InvalidIds => new()
    {
        "Lushan-2023",
        "lushan.2023",
        "lushan/2023",
        "lushan 2023",
        "-lushan",
        "",
        new string('a', 65),
    };

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void InvalidCampaignIdIsReported(string id)
    {
        var violation = Assert.Single(CampaignValidator.Validate(CampaignBuilder.Valid() with { Id = id }));

        Assert.Equal("invalid_id", violation.Code);
        Assert.Equal("$.id", violation.Path);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("lushan-2023_winter")]
    public void WellFormedIdIsAccepted(string id)
    {
        Assert.Empty(CampaignValidator.Validate(CampaignBuilder.Valid() with { Id = id }));
    }

    [Fact]
    public void IdOfSixtyFourCharactersIsAccepted()
    {
        Assert.Empty(CampaignValidator.Validate(CampaignBuilder.Valid() with { Id = new string('a', 64) }));
    }

    [Theory]
    [InlineData("$.funds[0].id")]
    [InlineData("$.couponTypes[0].id")]
    [InlineData("$.couponTypes[0].industry")]
    [InlineData("$.rounds[0].id")]
    public void InvalidIdInsideTheDefinitionIsReported(string path)
    {
        const string BadId = "Bad.Id";
        var definition = path switch
        {
            "$.funds[0].id" => CampaignBuilder.Valid() with
            {
                Funds = [CampaignBuilder.Fund with { Id = BadId }],
                Rounds = [CampaignBuilder.Round with { Fund = BadId }],
            },
            "$.couponTypes[0].id" => CampaignBuilder.Valid() with
            {
                CouponTypes = [CampaignBuilder.CouponType with { Id = BadId }],
                Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((BadId, 100)) }],
            },
            "$.couponTypes[0].industry" => CampaignBuilder.Valid() with { CouponTypes = [CampaignBuilder.CouponType with { Industry = BadId }] },
            "$.rounds[0].id" => CampaignBuilder.Valid() with { Rounds = [CampaignBuilder.Round with { Id = BadId }] },
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, "No definition puts an id at this path."),
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("invalid_id", violation.Code);
        Assert.Equal(path, violation.Path);
    }

    [Theory]
    [InlineData("$.funds[1].id")]
    [InlineData("$.couponTypes[1].id")]
    [InlineData("$.rounds[1].id")]
    public void DuplicateIdIsReported(string path)
    {
        var definition = path switch
        {
            "$.funds[1].id" => CampaignBuilder.Valid() with { Funds = [CampaignBuilder.Fund, CampaignBuilder.Fund with { Amount = 5_000 }] },
            "$.couponTypes[1].id" => CampaignBuilder.Valid() with
            {
                CouponTypes = [CampaignBuilder.CouponType, CampaignBuilder.CouponType with { MinSpend = 100 }],
            },
            "$.rounds[1].id" => CampaignBuilder.Valid() with
            {
                Rounds = [CampaignBuilder.Round, CampaignBuilder.LaterRound with { Id = CampaignBuilder.RoundId }],
            },
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, "No definition repeats an id at this path."),
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("duplicate_id", violation.Code);
        Assert.Equal(path, violation.Path);
    }

    [Fact]
    public void SameIdForAFundAndACouponTypeIsAccepted()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Funds = [CampaignBuilder.Fund with { Id = CampaignBuilder.CouponTypeId }],
            Rounds = [CampaignBuilder.Round with { Fund = CampaignBuilder.CouponTypeId }],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }
}
