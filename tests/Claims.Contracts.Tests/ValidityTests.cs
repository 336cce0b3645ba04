using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class ValidityTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("days+until")]
    [InlineData("days+roundClose")]
    [InlineData("until+roundClose")]
    [InlineData("days+until+roundClose")]
    public void ValidityWithoutExactlyOneKindIsReported(string kinds)
    {
        var definition = WithValidity(Validity(kinds));

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("invalid_validity", violation.Code);
        Assert.Equal("$.rounds[0].validity", violation.Path);
    }

    [Theory]
    [InlineData("days")]
    [InlineData("until")]
    [InlineData("roundClose")]
    public void ValidityOfOneKindIsAccepted(string kinds)
    {
        Assert.Empty(CampaignValidator.Validate(WithValidity(Validity(kinds))));
    }

    [Fact]
    public void ValidityEndingBeforeTheRoundClosesIsReported()
    {
        var definition = WithValidity(new ValidityDefinition(Days: null, Until: CampaignBuilder.RoundOpensAt.AddHours(1), RoundClose: false));

        var violation = Assert.Single(CampaignValidator.Validate(definition));

        Assert.Equal("validity_ends_before_close", violation.Code);
        Assert.Equal("$.rounds[0].validity.until", violation.Path);
    }

    [Fact]
    public void ValidityOfCenturiesIsTooLarge()
    {
        var violation = Assert.Single(CampaignValidator.Validate(WithValidity(new ValidityDefinition(Days: 100_000_000, Until: null, RoundClose: false))));

        Assert.Equal("too_large", violation.Code);
    }

    private static CampaignDefinition WithValidity(ValidityDefinition validity) =>
        CampaignBuilder.Valid() with { Rounds = [CampaignBuilder.Round with { Validity = validity }] };

    /// <summary>A validity with the kinds named in <paramref name="kinds"/> ("days+until", "none"...).</summary>
    private static ValidityDefinition Validity(string kinds)
    {
        var named = kinds.Split('+');
        return new ValidityDefinition(
            Days: named.Contains("days") ? 7 : null,
            Until: named.Contains("until") ? CampaignBuilder.RoundClosesAt : null,
            RoundClose: named.Contains("roundClose"));
    }
}
