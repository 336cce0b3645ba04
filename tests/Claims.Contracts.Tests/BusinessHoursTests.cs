using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public sealed class BusinessHoursTests
{
    [Theory]
    [InlineData("07:00", "23:00", "06:59", true)]
    [InlineData("07:00", "23:00", "07:00", false)]
    [InlineData("07:00", "23:00", "23:00", true)]
    [InlineData("07:00", "00:00", "23:59", false)]
    [InlineData("07:00", "00:00", "00:30", true)]
    [InlineData("22:00", "02:00", "01:00", false)]
    [InlineData("22:00", "02:00", "12:00", true)]
    [InlineData("00:00", "00:00", "03:00", false)]
    public void ARedemptionIsOutsideTheHoursOnlyBetweenTheClosingAndTheOpening(string opens, string closes, string at, bool outside) =>
        Assert.Equal(outside, new BusinessHoursDefinition(TimeOnly.Parse(opens), TimeOnly.Parse(closes)).Excludes(TimeOnly.Parse(at)));
}
