using Claims.LoadTests;

namespace Claims.Api.Tests;

/// <summary>The tokens the rehearsal tool writes for other load generators are accepted by the API, each for its own resident.</summary>
public sealed class TokensCommandTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task WrittenTokensAreOnePerLineAndEachClaimsAsItsOwnResident()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 5));
        using var output = new StringWriter();

        Assert.Equal(0, TokensCommand.Run(["--signing-key", TestTokens.SigningKey, "--count", "3"], output, TextWriter.Null));

        var tokens = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, tokens.Length);
        foreach (var token in tokens)
        {
            using var client = factory.ClientFor(token);
            Assert.Equal(HttpStatusCode.Created, (await client.ClaimAsync(campaign.Id, "market-10-50")).StatusCode);
        }

        // Three grants under a limit of one each: three residents.
        using var anyone = factory.ClientFor(tokens[0]);
        Assert.Equal(2, await anyone.RemainingAsync(campaign.Id, "market-10-50"));
    }

    [Theory]
    [InlineData("--count", "3")]
    [InlineData("--signing-key", "k", "--count", "0")]
    [InlineData("--signing-key", "k", "--colour", "red")]
    public void MissingOrBadOptionsPrintTheUsage(params string[] args)
    {
        using var error = new StringWriter();

        Assert.Equal(2, TokensCommand.Run(args, TextWriter.Null, error));
        Assert.Contains("Usage: Claims.LoadTests tokens", error.ToString(), StringComparison.Ordinal);
    }
}
