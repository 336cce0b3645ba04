using Claims.Grains.Campaigns;

namespace Claims.Grains.Tests.Policy;

public sealed class RoundPolicyTests
{
    private static readonly DateTimeOffset Start = new(2023, 12, 11, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly CampaignDefinition Campaign = TestCampaigns.Open(Start) with
    {
        Funds = [new("county", 1_000_000), new("platform", 1_000_000)],
        Rounds =
        [
            Round("p1", "county", 0),
            Round("p2", "county", 14),
            Round("p3", "platform", 28),
            Round("p4", "county", 42),
        ],
    };

    [Fact]
    public void LeftoversGoToTheNextRoundOfTheSameFundThatHasNotClosed()
    {
        var p1 = Campaign.Rounds[0];

        Assert.Equal("p2", Campaign.RolloverTarget(p1, "market-10-50", p1.ClosesAt, includeFrom: false)?.Id);
        Assert.Equal("p4", Campaign.RolloverTarget(p1, "market-10-50", Start.AddDays(30), includeFrom: false)?.Id);
        Assert.Null(Campaign.RolloverTarget(p1, "market-10-50", Start.AddDays(60), includeFrom: false));
    }

    [Fact]
    public void ARefundStaysInItsOwnRoundWhileItIsOpen()
    {
        var p1 = Campaign.Rounds[0];

        Assert.Equal("p1", Campaign.RolloverTarget(p1, "market-10-50", Start.AddDays(1), includeFrom: true)?.Id);
        Assert.Equal("p2", Campaign.RolloverTarget(p1, "market-10-50", Start.AddDays(8), includeFrom: true)?.Id);
    }

    [Fact]
    public void ARoundWithoutTheCouponTypeIsSkipped()
    {
        var p1 = Campaign.Rounds[0];

        Assert.Null(Campaign.RolloverTarget(p1, "dining-10-50", p1.ClosesAt, includeFrom: false));
    }

    [Fact]
    public void ACouponIsValidForItsDaysUntilItsDateOrUntilItsRoundCloses()
    {
        var round = Round("p1", "county", 0);
        var claimedAt = Start.AddHours(5);

        Assert.Equal(claimedAt.AddDays(3), (round with { Validity = new(3, null, false) }).ValidUntil(claimedAt));
        Assert.Equal(Start.AddDays(20), (round with { Validity = new(null, Start.AddDays(20), false) }).ValidUntil(claimedAt));
        Assert.Equal(round.ClosesAt, round.ValidUntil(claimedAt));
    }

    private static RoundDefinition Round(string id, string fund, int startDay) =>
        new(id, null, fund, Start.AddDays(startDay), Start.AddDays(startDay + 7), new(null, null, true), new Dictionary<string, int> { ["market-10-50"] = 100 });
}
