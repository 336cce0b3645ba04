using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class ValidDefinitionTests
{
    [Fact]
    public void MinimalDefinitionHasNoViolations()
    {
        Assert.Empty(CampaignValidator.Validate(CampaignBuilder.Valid()));
    }

    [Fact]
    public void DefinitionWithEveryOptionalPartHasNoViolations()
    {
        var car = new CouponTypeDefinition(Id: "car-3000", Industry: "cars", FaceValue: 3000, MinSpend: 100_000, MaxSpend: 150_000, ListOnly: false);
        var definition = CampaignBuilder.Valid() with
        {
            Description = "Every optional part filled in.",
            Regions = ["410423", "4117"],
            Funds = [CampaignBuilder.Fund, new FundDefinition("city", 2_000_000), new FundDefinition("love", 10_000)],
            CouponTypes = [CampaignBuilder.CouponType, CampaignBuilder.DiningCouponType, car, CampaignBuilder.LoveCouponType],
            Limits =
            [
                CampaignBuilder.Limit,
                new LimitDefinition(LimitPeriod.Campaign, LimitGrouping.Industry, 1, ["cars"]),
                new LimitDefinition(LimitPeriod.Round, LimitGrouping.CouponType, 1, null),
            ],
            Rounds =
            [
                CampaignBuilder.Round,
                CampaignBuilder.LaterRound with { Validity = new ValidityDefinition(null, CampaignBuilder.RoundClosesAt.AddDays(14), false) },
                CampaignBuilder.Round with
                {
                    Id = "cars",
                    Phase = null,
                    Fund = "city",
                    Validity = new ValidityDefinition(null, null, true),
                    Stock = CampaignBuilder.Stock(("car-3000", 100), ("dining-10-50", 500)),
                },
                CampaignBuilder.Round with { Id = "love", Fund = "love", Stock = CampaignBuilder.Stock(("love-1000", 10)) },
            ],
            Blacklist = ["cheater"],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Fact]
    public void CampaignWithoutTimeZoneHasNoViolations()
    {
        Assert.Empty(CampaignValidator.Validate(CampaignBuilder.Valid() with { TimeZone = null }));
    }
}
