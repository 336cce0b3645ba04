using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class ShiftScheduleTests
{
    private readonly TimeSpan _offset = TimeSpan.FromDays(1077) + TimeSpan.FromMinutes(5);

    private readonly CampaignDefinition _definition = CampaignBuilder.Valid() with
    {
        Rounds =
        [
            CampaignBuilder.Round,
            CampaignBuilder.LaterRound with { Validity = new ValidityDefinition(null, CampaignBuilder.RoundClosesAt.AddDays(14), false) },
            CampaignBuilder.Round with
            {
                Id = "p3",
                Phase = "3",
                OpensAt = CampaignBuilder.RoundOpensAt.AddDays(28),
                ClosesAt = CampaignBuilder.RoundClosesAt.AddDays(28),
                Validity = new ValidityDefinition(null, null, true),
            },
        ],
    };

    [Fact]
    public void RoundsOpenAndCloseLaterByTheOffset()
    {
        var shifted = _definition.ShiftSchedule(_offset);

        Assert.Equal(_definition.Rounds.Count, shifted.Rounds.Count);
        for (var i = 0; i < _definition.Rounds.Count; i++)
        {
            Assert.Equal(_definition.Rounds[i].Id, shifted.Rounds[i].Id);
            Assert.Equal(_definition.Rounds[i].OpensAt + _offset, shifted.Rounds[i].OpensAt);
            Assert.Equal(_definition.Rounds[i].ClosesAt + _offset, shifted.Rounds[i].ClosesAt);
            Assert.Equal(_definition.Rounds[i].Stock, shifted.Rounds[i].Stock);
        }
    }

    [Fact]
    public void FixedValidityEndMovesByTheOffset()
    {
        var shifted = _definition.ShiftSchedule(_offset);

        Assert.Equal(new ValidityDefinition(null, CampaignBuilder.RoundClosesAt.AddDays(14) + _offset, false), shifted.Rounds[1].Validity);
    }

    [Fact]
    public void RelativeValiditiesAreKept()
    {
        var shifted = _definition.ShiftSchedule(_offset);

        Assert.Equal(CampaignBuilder.Validity, shifted.Rounds[0].Validity);
        Assert.Equal(new ValidityDefinition(null, null, true), shifted.Rounds[2].Validity);
    }

    [Fact]
    public void ShiftingBackwardsMovesRoundsEarlier()
    {
        var shifted = _definition.ShiftSchedule(-_offset);

        Assert.Equal(CampaignBuilder.RoundOpensAt - _offset, shifted.Rounds[0].OpensAt);
        Assert.Equal(CampaignBuilder.RoundClosesAt.AddDays(14) - _offset, shifted.Rounds[1].Validity.Until);
    }

    [Fact]
    public void ShiftedCampaignStaysValidAndTheOriginalIsUnchanged()
    {
        var shifted = _definition.ShiftSchedule(_offset);

        Assert.Empty(CampaignValidator.Validate(shifted));
        Assert.Equal(CampaignBuilder.RoundOpensAt, _definition.Rounds[0].OpensAt);
        Assert.Equal(_definition.Funds, shifted.Funds);
        Assert.Equal(_definition.CouponTypes, shifted.CouponTypes);
    }
}
