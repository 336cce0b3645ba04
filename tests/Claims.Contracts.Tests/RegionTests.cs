using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class RegionTests
{
    private readonly CampaignDefinition _pingdingshan = CampaignBuilder.Valid() with { Regions = ["4104"] };

    [Theory]
    [InlineData("410423")]
    [InlineData("410402")]
    [InlineData("4104")]
    public void ListedPrefixAdmitsEveryCodeUnderIt(string regionCode)
    {
        Assert.True(_pingdingshan.AdmitsRegion(regionCode));
    }

    [Theory]
    [InlineData("411702")]
    [InlineData("410523")]
    [InlineData("41")]
    [InlineData("")]
    public void OtherCodesAreRefused(string regionCode)
    {
        Assert.False(_pingdingshan.AdmitsRegion(regionCode));
    }

    [Fact]
    public void CountyDoesNotAdmitItsWholeCity()
    {
        var lushan = CampaignBuilder.Valid() with { Regions = ["410423"] };

        Assert.True(lushan.AdmitsRegion("410423"));
        Assert.False(lushan.AdmitsRegion("4104"));
        Assert.False(lushan.AdmitsRegion("410422"));
    }

    [Fact]
    public void AnyListedRegionAdmits()
    {
        var definition = CampaignBuilder.Valid() with { Regions = ["410423", "4117"] };

        Assert.True(definition.AdmitsRegion("410423"));
        Assert.True(definition.AdmitsRegion("411702"));
        Assert.False(definition.AdmitsRegion("410402"));
    }

    [Theory]
    [InlineData("4104x")]
    [InlineData("4")]
    [InlineData("4104234104231")]
    public void InvalidRegionCodeIsReported(string regionCode)
    {
        var violation = Assert.Single(CampaignValidator.Validate(CampaignBuilder.Valid() with { Regions = ["410423", regionCode] }));

        Assert.Equal("invalid_region", violation.Code);
        Assert.Equal("$.regions[1]", violation.Path);
    }
}
