using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class RoundScheduleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-168)]
    public void RoundClosingWhenOrBeforeItOpensIsReported(int hoursAfterOpening)
    {
        var definition = CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round with { ClosesAt = CampaignBuilder.RoundOpensAt.AddHours(hoursAfterOpening) }],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("round_closes_before_opening", violation.Code);
        Assert.Equal("$.rounds[0].closesAt", violation.Path);
    }

    [Fact]
    public void RoundClosingASecondAfterItOpensIsAccepted()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round with { ClosesAt = CampaignBuilder.RoundOpensAt.AddSeconds(1) }],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Fact]
    public void RoundsOverlappingForTheSameCouponTypeAreReported()
    {
        // The later round opens an hour before the first one closes.
        var definition = CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round, CampaignBuilder.LaterRound with { OpensAt = CampaignBuilder.RoundClosesAt.AddHours(-1) }],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("rounds_overlap", violation.Code);
        Assert.Equal("$.rounds[1]", violation.Path);
        Assert.Contains(CampaignBuilder.CouponTypeId, violation.Message);
    }

    [Fact]
    public void RoundInsideAnotherRoundOverlapsIt()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Rounds =
            [
                CampaignBuilder.Round,
                CampaignBuilder.LaterRound with
                {
                    OpensAt = CampaignBuilder.RoundOpensAt.AddDays(1),
                    ClosesAt = CampaignBuilder.RoundOpensAt.AddDays(2),
                },
            ],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("rounds_overlap", violation.Code);
        Assert.Equal("$.rounds[1]", violation.Path);
    }

    [Fact]
    public void RoundsOverlappingForTheSameCouponTypeOnDifferentFundsAreReported()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Funds = [CampaignBuilder.Fund, CampaignBuilder.Fund with { Id = "city" }],
            Rounds = [CampaignBuilder.Round, CampaignBuilder.Round with { Id = "p1-city", Fund = "city" }],
        };

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("rounds_overlap", violation.Code);
        Assert.Equal("$.rounds[1]", violation.Path);
    }

    [Fact]
    public void RoundOpeningWhenTheOtherClosesDoesNotOverlap()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.Round, CampaignBuilder.LaterRound with { OpensAt = CampaignBuilder.RoundClosesAt }],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Fact]
    public void RoundsOneAfterAnotherAreAccepted()
    {
        var definition = CampaignBuilder.Valid() with
        {
            Rounds = [CampaignBuilder.LaterRound, CampaignBuilder.Round],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Fact]
    public void RoundsOfDifferentCouponTypesMayOverlap()
    {
        var definition = CampaignBuilder.Valid() with
        {
            CouponTypes = [CampaignBuilder.CouponType, CampaignBuilder.DiningCouponType],
            Rounds =
            [
                CampaignBuilder.Round,
                CampaignBuilder.Round with { Id = "p1-dining", Stock = CampaignBuilder.Stock((CampaignBuilder.DiningCouponType.Id, 100)) },
            ],
        };

        Assert.Empty(CampaignValidator.Validate(definition));
    }
}
