using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public sealed class CoFundingTests
{
    private static readonly FundDefinition Province = new("province", 1_000_000);

    [Theory]
    [InlineData("county:0.5,province:0.4")]
    [InlineData("county:1")]
    [InlineData("province:0.5,unknown:0.5")]
    [InlineData("county:0.5,county:0.5")]
    [InlineData("county:0.33333,province:0.66667")]
    [InlineData("county:0,province:1")]
    public void CoFundingThatDoesNotNameTheRoundsFundAndDefinedFundsWithSharesAddingUpToOneIsRefused(string shares)
    {
        var definition = WithCoFunding(shares);

        Assert.Contains(CampaignValidator.Validate(definition), v => v is { Code: "invalid_co_funding", Path: "$.rounds[0].coFunding" });
    }

    [Fact]
    public void EachCoFunderIsChargedItsShareOfTheStockAgainstItsBudget()
    {
        var definition = WithCoFunding("county:0.4,province:0.6") with { Funds = [CampaignBuilder.Fund, Province with { Amount = 1 }] };

        Assert.Empty(CampaignValidator.Validate(WithCoFunding("county:0.4,province:0.6")));
        Assert.Contains(CampaignValidator.Validate(definition), v => v is { Code: "fund_exceeded", Path: "$.funds[1]" });
    }

    private static CampaignDefinition WithCoFunding(string shares) => CampaignBuilder.Valid() with
    {
        Funds = [CampaignBuilder.Fund, Province],
        Rounds = [CampaignBuilder.Round with { CoFunding = [.. shares.Split(',').Select(s => s.Split(':')).Select(s => new FundShare(s[0], decimal.Parse(s[1], System.Globalization.CultureInfo.InvariantCulture)))] }],
    };
}
