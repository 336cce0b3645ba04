using System.Text.Json;
using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class CampaignJsonTests
{
    [Fact]
    public void EnumsParseFromCamelCaseStrings()
    {
        var definition = CampaignJson.Parse(Json(
            """
            { "per": "phase", "groupBy": "couponType", "max": 1 },
            { "per": "campaign", "groupBy": "all", "max": 3 },
            { "per": "round", "groupBy": "industry", "max": 1, "industries": ["supermarket"] }
            """));

        (LimitPeriod Per, LimitGrouping GroupBy, int Max)[] expected =
        [
            (LimitPeriod.Phase, LimitGrouping.CouponType, 1),
            (LimitPeriod.Campaign, LimitGrouping.All, 3),
            (LimitPeriod.Round, LimitGrouping.Industry, 1),
        ];

        Assert.NotNull(definition.Limits);
        (LimitPeriod Per, LimitGrouping GroupBy, int Max)[] parsed = [.. definition.Limits.Select(l => (l.Per, l.GroupBy, l.Max))];
        Assert.Equal(expected, parsed);
        var industries = definition.Limits[2].Industries;
        Assert.NotNull(industries);
        Assert.Equal("supermarket", Assert.Single(industries));
    }

    [Fact]
    public void JsonFieldsMapOntoTheDefinition()
    {
        var definition = CampaignJson.Parse(Json("""{ "per": "phase", "groupBy": "industry", "max": 1 }"""));

        Assert.Equal("json-test", definition.Id);
        Assert.Equal("410423", Assert.Single(definition.Regions));
        Assert.Equal(4m, definition.MinLeverage);
        var coupon = Assert.Single(definition.CouponTypes);
        Assert.Equal(new CouponTypeDefinition("market-10-50", "supermarket", 10, 50, null, false), coupon);
        var round = Assert.Single(definition.Rounds);
        Assert.Equal(new DateTimeOffset(2023, 12, 11, 10, 0, 0, TimeSpan.FromHours(8)), round.OpensAt);
        Assert.Equal(TimeSpan.FromHours(8), round.OpensAt.Offset);
        Assert.Equal(new ValidityDefinition(7, null, false), round.Validity);
        Assert.Equal(100, round.Stock["market-10-50"]);
        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Theory]
    [InlineData("""{ "per": "week", "groupBy": "industry", "max": 1 }""")]
    [InlineData("""{ "per": "phase", "groupBy": "merchant", "max": 1 }""")]
    [InlineData("""{ "per": 1, "groupBy": "industry", "max": 1 }""")]
    public void UnknownEnumValueIsRejected(string limit)
    {
        Assert.Throws<JsonException>(() => CampaignJson.Parse(Json(limit)));
    }

    [Fact]
    public void JsonNullIsRejected()
    {
        Assert.Throws<JsonException>(() => CampaignJson.Parse("null"));
    }

    [Fact]
    public void EnumsAreWrittenAsCamelCaseStrings()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Limits = [new LimitDefinition(LimitPeriod.Campaign, LimitGrouping.CouponType, 1, null)],
        };

        var json = JsonSerializer.Serialize(definition, CampaignJson.Options);

        Assert.Contains("\"per\":\"campaign\"", json);
        Assert.Contains("\"groupBy\":\"couponType\"", json);
    }

    [Fact]
    public void CampaignRoundTripsThroughJson()
    {
        var car = new CouponTypeDefinition(Id: "car-3000", Industry: "cars", FaceValue: 3000, MinSpend: 100_000, MaxSpend: 150_000, ListOnly: false);
        var definition = CampaignBuilder.Valid() with
        {
            Name = "鲁山县“冬日送暖”消费券",
            Description = "Round trip",
            Funds = [CampaignBuilder.Fund, new FundDefinition("love", 10_000.5m)],
            CouponTypes = [CampaignBuilder.CouponType, car, CampaignBuilder.LoveCouponType],
            Limits =
            [
                CampaignBuilder.Limit,
                new LimitDefinition(LimitPeriod.Campaign, LimitGrouping.Industry, 1, ["cars"]),
                new LimitDefinition(LimitPeriod.Round, LimitGrouping.All, 3, null),
            ],
            Rounds =
            [
                CampaignBuilder.Round,
                CampaignBuilder.LaterRound with { Validity = new ValidityDefinition(null, CampaignBuilder.RoundClosesAt.AddDays(14), false) },
                CampaignBuilder.Round with
                {
                    Id = "love",
                    Phase = null,
                    Fund = "love",
                    Validity = new ValidityDefinition(null, null, true),
                    Stock = CampaignBuilder.Stock(("love-1000", 10)),
                },
            ],
            Blacklist = ["cheater", "alipay/2088"],
        };

        var json = JsonSerializer.Serialize(definition, CampaignJson.Options);
        var again = JsonSerializer.Serialize(CampaignJson.Parse(json), CampaignJson.Options);

        Assert.Equal(json, again);
    }

    [Theory]
    [MemberData(nameof(SampleCampaignTests.SampleNames), MemberType = typeof(SampleCampaignTests))]
    public void SampleRoundTripsThroughJson(string name)
    {
        var json = JsonSerializer.Serialize(SampleFiles.Parse(name), CampaignJson.Options);
        var again = JsonSerializer.Serialize(CampaignJson.Parse(json), CampaignJson.Options);

        Assert.Equal(json, again);
    }

    /// <summary>A small valid campaign whose <c>limits</c> array holds <paramref name="limits"/>.</summary>
    private static string Json(string limits) =>
        $$"""
        {
          "id": "json-test",
          "name": "JSON test",
          "timeZone": "Asia/Shanghai",
          "regions": ["410423"],
          "minLeverage": 4,
          "funds": [{ "id": "county", "amount": 10000 }],
          "couponTypes": [{ "id": "market-10-50", "industry": "supermarket", "faceValue": 10, "minSpend": 50 }],
          "limits": [{{limits}}],
          "rounds": [{
            "id": "p1",
            "phase": "1",
            "fund": "county",
            "opensAt": "2023-12-11T10:00:00+08:00",
            "closesAt": "2023-12-17T23:59:59+08:00",
            "validity": { "days": 7 },
            "stock": { "market-10-50": 100 }
          }]
        }
        """;
}
