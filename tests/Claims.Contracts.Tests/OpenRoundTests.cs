using System.Globalization;
using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class OpenRoundTests
{
    private readonly CampaignDefinition _definition = CampaignBuilder.Valid() with
    {
        CouponTypes = [CampaignBuilder.CouponType, CampaignBuilder.DiningCouponType],
        Rounds =
        [
            CampaignBuilder.Round,
            CampaignBuilder.LaterRound with
            {
                Stock = CampaignBuilder.Stock((CampaignBuilder.CouponTypeId, 100), (CampaignBuilder.DiningCouponType.Id, 100)),
            },
        ],
    };

    [Fact]
    public void RoundIsOpenFromItsOpeningInstant()
    {
        Assert.Equal(CampaignBuilder.RoundId, _definition.OpenRound(CampaignBuilder.CouponTypeId, CampaignBuilder.RoundOpensAt)?.Id);
    }

    [Fact]
    public void RoundIsOpenUntilJustBeforeItCloses()
    {
        var now = CampaignBuilder.RoundClosesAt.AddTicks(-1);

        Assert.Equal(CampaignBuilder.RoundId, _definition.OpenRound(CampaignBuilder.CouponTypeId, now)?.Id);
    }

    [Fact]
    public void RoundIsClosedAtItsClosingInstant()
    {
        Assert.Null(_definition.OpenRound(CampaignBuilder.CouponTypeId, CampaignBuilder.RoundClosesAt));
    }

    [Theory]
    [InlineData("2023-12-11T10:00:00+08:00", "p1")]
    [InlineData("2023-12-11T02:00:00+00:00", "p1")]
    [InlineData("2023-12-14T15:30:00+08:00", "p1")]
    [InlineData("2023-12-25T10:00:00+08:00", "p2")]
    [InlineData("2023-12-31T23:59:58+08:00", "p2")]
    public void OpenRoundIsTheRoundContainingNow(string now, string roundId)
    {
        Assert.Equal(roundId, _definition.OpenRound(CampaignBuilder.CouponTypeId, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture))?.Id);
    }

    [Theory]
    [InlineData("2023-12-11T09:59:59+08:00")]
    [InlineData("2023-12-11T01:59:59+00:00")]
    [InlineData("2023-12-17T23:59:59+08:00")]
    [InlineData("2023-12-20T12:00:00+08:00")]
    [InlineData("2023-12-31T23:59:59+08:00")]
    [InlineData("2024-06-01T10:00:00+08:00")]
    public void NoRoundIsOpenOutsideTheRounds(string now)
    {
        Assert.Null(_definition.OpenRound(CampaignBuilder.CouponTypeId, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void OnlyRoundsStockingTheCouponTypeCount()
    {
        // Dining coupons are only in the later round.
        Assert.Null(_definition.OpenRound(CampaignBuilder.DiningCouponType.Id, CampaignBuilder.RoundOpensAt));
        Assert.Equal("p2", _definition.OpenRound(CampaignBuilder.DiningCouponType.Id, CampaignBuilder.RoundOpensAt.AddDays(14))?.Id);
    }

    [Fact]
    public void UnknownCouponTypeHasNoOpenRound()
    {
        Assert.Null(_definition.OpenRound("ghost-10-50", CampaignBuilder.RoundOpensAt));
    }
}
