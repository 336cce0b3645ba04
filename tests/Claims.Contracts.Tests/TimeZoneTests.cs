using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class TimeZoneTests
{
    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Asia/Beijing")]
    [InlineData("Beijing")]
    public void UnknownTimeZoneIsReported(string timeZone)
    {
        var violation = Assert.Single(CampaignValidator.Validate(CampaignBuilder.Valid() with { TimeZone = timeZone }));

        Assert.Equal("unknown_time_zone", violation.Code);
        Assert.Equal("$.timeZone", violation.Path);
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("Asia/Urumqi")]
    [InlineData("UTC")]
    public void IanaTimeZoneIsAccepted(string timeZone)
    {
        Assert.Empty(CampaignValidator.Validate(CampaignBuilder.Valid() with { TimeZone = timeZone }));
    }
}
