using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class FundBudgetTests
{
    [Fact]
    public void StockOverFundIsReported()
    {
        // 1001 coupons of 10 yuan = 10,010 yuan on a fund of 10,000.
        var definition = CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 1001)) }],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("fund_exceeded", violation.Code);
        Assert.Equal("$.funds[0]", violation.Path);
    }

    [Fact]
    public void StockWorthExactlyTheFundIsAccepted()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 1000)) }],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Fact]
    public void StockIsValuedAtEachTypesFaceValue()
    {
        // 500 × 10 + 101 × 50 = 10,050 yuan on a fund of 10,000.
        var big = CampaignBuilder.CouponType with { Id = "market-50-200", FaceValue = 50, MinSpend = 200 };
        var definition = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType, big],
            Rounds = [CampaignBuilder.Round with { Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 500), ("market-50-200", 101)) }],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("fund_exceeded", violation.Code);
        Assert.Equal("$.funds[0]", violation.Path);
    }

    [Fact]
    public void StockOverFundIsSummedAcrossRounds()
    {
        // Each round puts 6,000 yuan on the fund of 10,000; together they put 12,000.
        var stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 600));
        var definition = CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round with { Stock = stock }, CampaignBuilder.LaterRound with { Stock = stock }],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("fund_exceeded", violation.Code);
        Assert.Equal("$.funds[0]", violation.Path);
    }

    [Fact]
    public void EachFundIsCheckedOnItsOwn()
    {
        // 10,000 yuan on each of two funds of 10,000: 20,000 in all, but no fund is exceeded.
        var stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 1000));
        var definition = CampaignBuilder.Valid() with
        {
            Funds = [CampaignBuilder.Fund, CampaignBuilder.Fund with { Id = "city" }],
            Rounds = [CampaignBuilder.Round with { Stock = stock }, CampaignBuilder.LaterRound with { Fund = "city", Stock = stock }],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Fact]
    public void ExceededFundIsNamedByItsPosition()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Funds = [CampaignBuilder.Fund, CampaignBuilder.Fund with { Id = "city" }],
            Rounds =
            [
                CampaignBuilder.Round,
                CampaignBuilder.LaterRound with { Fund = "city", Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 1001)) },
            ],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("fund_exceeded", violation.Code);
        Assert.Equal("$.funds[1]", violation.Path);
    }
}
