using System.Security.Cryptography;
using System.Text;
using Claims.Contracts.Draws;
using Orleans.Core.Internal;

namespace Claims.Grains.Tests;

/// <summary>
/// Registration and draw (003 lists 抽签): residents register during the window, and at the
/// round's opening the winners are drawn up to the stock by a seed whose hash was published first,
/// so anyone can recompute the result; limits and eligibility hold as in a rush.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DrawTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RegistrationIsOpenOnlyInItsWindowAndOncePerResident()
    {
        var campaign = await CreateAsync(stock: 10, registersIn: TimeSpan.FromMinutes(30));
        Assert.Equal(ClaimRefusal.RegistrationClosed, (await RegisterAsync(campaign, "early")).Refusal);

        fixture.Clock.Advance(TimeSpan.FromMinutes(31));
        var outcomes = await AtOnce.RunAsync(16, i => RegisterAsync(campaign, i % 2 == 0 ? "eager" : $"other-{i}"));

        var eager = outcomes.Where((_, i) => i % 2 == 0).Select(o => o.Registration).ToList();
        Assert.All(eager, r => Assert.Equal(eager[0], r));
        Assert.Equal(9, (await RegistrationsAsync(campaign)).Count);
        Assert.Equal(ClaimRefusal.Blacklisted, (await RegisterAsync(campaign, "cheater")).Refusal);
        Assert.Equal(ClaimRefusal.RegionNotEligible, (await RegisterAsync(campaign, "visitor", region: "110101")).Refusal);
    }

    [Fact]
    public async Task TheDrawPicksAsManyAsTheStockAndAnyoneCanRecomputeItFromThePublishedSeed()
    {
        var campaign = await CreateAsync(stock: 50);
        var draw = fixture.Grains.GetGrain<IDrawGrain>(GrainKeys.Draw(campaign.Id, "d1"));
        var published = (await draw.GetAsync())!;
        var registrants = Enumerable.Range(0, 300).Select(i => $"entrant-{i}").ToArray();
        Assert.All(await Task.WhenAll(registrants.Select(r => RegisterAsync(campaign, r))), o => Assert.NotNull(o.Registration));
        Assert.Null(published.Seed);
        Assert.Null((await draw.RunAsync())!.DrawnAt);

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await fixture.TickAsync(campaign);

        var drawn = (await draw.GetAsync())!;
        Assert.Equal(published.SeedHash, Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(drawn.Seed!))));
        Assert.Equal(new DrawResult("draw-50-250", 300, 50), Assert.Single(drawn.Results));
        var holders = new List<string>();
        foreach (var entrant in registrants)
        {
            if ((await fixture.WalletAsync(campaign, entrant)).Any(c => c.CouponTypeId == "draw-50-250"))
            {
                holders.Add(entrant);
            }
        }

        Assert.Equal(Recompute(drawn.Seed!, "draw-50-250", registrants).Take(50).Order(StringComparer.Ordinal), holders.Order(StringComparer.Ordinal));
        Assert.Equal(0, (await fixture.StockAsync(campaign, "d1", "draw-50-250")).Remaining);
    }

    [Fact]
    public async Task ADrawAskedTwiceAtOnceOrAgainAfterARestartGrantsNothingMore()
    {
        var campaign = await CreateAsync(stock: 20);
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => RegisterAsync(campaign, $"again-{i}")));
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var draw = fixture.Grains.GetGrain<IDrawGrain>(GrainKeys.Draw(campaign.Id, "d1"));

        // The tick and an operator asking at once, then a new activation asked again.
        var both = await Task.WhenAll(draw.RunAsync(), fixture.Grains.GetGrain<IDrawGrain>(GrainKeys.Draw(campaign.Id, "d1")).RunAsync());
        var first = both[0];
        await draw.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var again = await draw.RunAsync();

        Assert.Equal(first!.Results, both[1]!.Results);
        Assert.Equal(first.Results, again!.Results);
        Assert.Equal(first.Seed, again.Seed);
        Assert.Equal(20, (await fixture.StockAsync(campaign, "d1", "draw-50-250")).Granted);
    }

    [Fact]
    public async Task ARegistrantTheLimitsRefuseByTheDrawIsPassedOverForTheNext()
    {
        var campaign = await CreateAsync(stock: 3);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "holder", "market-10-50")).Coupon);
        Assert.Equal(ClaimRefusal.LimitReached, (await RegisterAsync(campaign, "holder")).Refusal);

        var registrants = Enumerable.Range(0, 10).Select(i => $"cautious-{i}").ToArray();
        foreach (var registrant in registrants)
        {
            Assert.NotNull((await RegisterAsync(campaign, registrant)).Registration);
        }

        var seed = (await fixture.Grains.GetGrain<IDrawGrain>(GrainKeys.Draw(campaign.Id, "d1")).GetAsync())!;
        Assert.Null(seed.Seed);

        // The first in the draw's order (not known before) claims in the rush meanwhile: by the
        // draw they are at the limit. Whoever it is, exactly three coupons go to three others.
        foreach (var registrant in registrants.Take(5))
        {
            await fixture.ClaimAsync(campaign, registrant, "market-20-100");
        }

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var drawn = (await fixture.Grains.GetGrain<IDrawGrain>(GrainKeys.Draw(campaign.Id, "d1")).RunAsync())!;

        var order = Recompute(drawn.Seed!, "draw-50-250", registrants);
        var expected = order.Where(r => Array.IndexOf(registrants, r) >= 5).Take(3).Order(StringComparer.Ordinal);
        var holders = new List<string>();
        foreach (var registrant in registrants)
        {
            var wallet = await fixture.WalletAsync(campaign, registrant);
            Assert.True(wallet.Count <= 1, $"{registrant} holds {wallet.Count} coupons under a limit of one");
            if (wallet.Any(c => c.CouponTypeId == "draw-50-250"))
            {
                holders.Add(registrant);
            }
        }

        Assert.Equal(expected, holders.Order(StringComparer.Ordinal));
        Assert.Equal(3, drawn.Results.Single().Winners);
    }

    // The ranking as the published rule states it, written here apart from the product's code.
    private static IEnumerable<string> Recompute(string seedHex, string couponTypeId, IEnumerable<string> registrants)
    {
        var seed = Convert.FromHexString(seedHex);
        return registrants
            .Select(r => (Digest: Convert.ToHexString(SHA256.HashData([.. seed, .. Encoding.UTF8.GetBytes($"{couponTypeId}\n{r}")])), UserId: r))
            .OrderBy(r => r.Digest, StringComparer.Ordinal)
            .ThenBy(r => r.UserId, StringComparer.Ordinal)
            .Select(r => r.UserId);
    }

    private async Task<IReadOnlyList<Registration>> RegistrationsAsync(CampaignDefinition campaign) =>
        (await Task.WhenAll(campaign.PoolKeys("d1", "draw-50-250").Select(k => fixture.Grains.GetGrain<IPoolGrain>(k).GetRegistrationsAsync().AsTask()))).SelectMany(r => r).ToList();

    private Task<RegistrationOutcome> RegisterAsync(CampaignDefinition campaign, string userId, string region = "410423") =>
        fixture.Claims.RegisterAsync(new ClaimRoutes(campaign), userId, new ClaimRequest("draw-50-250", region, Guid.NewGuid().ToString("N")));

    // A rush round p1 (phase 1) and a draw round d1 of the same phase: one supermarket coupon per
    // resident in the phase, whichever round it comes from.
    private Task<CampaignDefinition> CreateAsync(int stock, TimeSpan? registersIn = null)
    {
        var now = fixture.Clock.GetUtcNow();
        var open = TestCampaigns.Open(now);
        var draw = new RoundDefinition("d1", "1", "county", now.AddHours(1), now.AddDays(1), new(7, null, false), new Dictionary<string, int> { ["draw-50-250"] = stock }, Draw: new(now + (registersIn ?? TimeSpan.FromMinutes(-10))));
        return fixture.CreateAsync(open with
        {
            CouponTypes = [.. open.CouponTypes, new("draw-50-250", "supermarket", 50, 250, null, false)],
            Rounds = [.. open.Rounds, draw],
        });
    }
}
