using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class EveryViolationTests
{
    [Fact]
    public void DefinitionBreakingFiveRulesReportsAllFive()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Id = "Lushan 2023",
            TimeZone = "Asia/Beijing",
            Funds = [CampaignBuilder.Fund with { Amount = 500 }],
            CouponTypes = [CampaignBuilder.CouponType with { MinSpend = 30 }],
            Rounds = [CampaignBuilder.Round with { ClosesAt = CampaignBuilder.RoundOpensAt }],
        };

        string[] reported = [.. CampaignValidator.Validate(definition).Select(v => $"{v.Path} {v.Code}").Order(StringComparer.Ordinal)];

        string[] expected =
        [
            "$.couponTypes[0] leverage_below_floor",
            "$.funds[0] fund_exceeded",
            "$.id invalid_id",
            "$.rounds[0].closesAt round_closes_before_opening",
            "$.timeZone unknown_time_zone",
        ];
        Assert.Equal(expected, reported);
    }

    [Fact]
    public void EveryViolationCarriesAMessage()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Id = "",
            Name = "",
            Regions = ["4104x"],
            Funds = [CampaignBuilder.Fund with { Amount = 0.001m }],
            CouponTypes = [CampaignBuilder.CouponType with { MinSpend = 10, MaxSpend = 5 }],
            Limits = [CampaignBuilder.Limit with { Max = 0, Industries = ["cars"] }],
            Rounds =
            [
                CampaignBuilder.Round with { Fund = "nowhere", Validity = new ValidityDefinition(null, null, false) },
                CampaignBuilder.Round with { Stock = CampaignBuilder.Stock(("ghost", 0)) },
            ],
            Blacklist = [" "],
        };

        var violations = CampaignValidator.Validate(definition);

        Assert.All(violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Message)));
        Assert.Contains(violations, v => v.Code == "required" && v.Path == "$.name");
        Assert.Contains(violations, v => v.Code == "invalid_region" && v.Path == "$.regions[0]");
        Assert.Contains(violations, v => v.Code == "required" && v.Path == "$.blacklist[0]");
    }
}
