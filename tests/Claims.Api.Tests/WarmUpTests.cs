using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>A node idle since it started runs its claim path before a round opens, and the run leaves nothing behind.</summary>
public sealed class WarmUpTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"claims-warm-up-{Guid.NewGuid():N}");

    [Fact]
    public async Task ANodeRunsItsClaimPathBeforeARoundOpensAndGrantsNothingDoingSo()
    {
        // The node looks for openings every quarter of the lead; a busy machine compiles the
        // claim path slowly, so the round opens late enough for the exercise to finish well before.
        await using var node = await ClaimsProcess.StartAsync(_dataDirectory, new Dictionary<string, string>
        {
            ["WarmUp:Lead"] = "00:00:40",
            ["WarmUp:Claims"] = "300",
            ["Logging:LogLevel:Claims.Api.Claims.ClaimPathWarmUp"] = "Information",
        });
        var opensAt = DateTimeOffset.UtcNow.AddSeconds(40);
        var open = ApiCampaigns.Open(stock: 10);
        var campaign = open with { Rounds = [open.Rounds[0] with { OpensAt = opensAt, ClosesAt = opensAt.AddDays(1) }] };
        using var admin = node.ClientFor(TestTokens.Operator());
        (await admin.PostAsJsonAsync("/admin/campaigns", campaign, CampaignJson.Options, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var exercised = $"Ran 300 claims through this node's claim path for the opening of round p1 of {campaign.Id}";
        while (!node.RecentOutput.Contains(exercised, StringComparison.Ordinal))
        {
            Assert.True(DateTimeOffset.UtcNow < opensAt, $"The warm-up had not run by the opening:\n{node.RecentOutput}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }

        var pools = (await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{campaign.Id}", TestContext.Current.CancellationToken)).GetProperty("pools");
        Assert.All(pools.EnumerateArray(), p => Assert.Equal(0, p.GetProperty("granted").GetInt32()));

        await Task.Delay(opensAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        using var resident = node.ClientFor(TestTokens.Resident("first-after-the-warm-up"));
        Assert.Equal(HttpStatusCode.Created, (await resident.ClaimAsync(campaign.Id, "dining-10-50")).StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leaves a temp folder behind at worst.
        }
    }
}
