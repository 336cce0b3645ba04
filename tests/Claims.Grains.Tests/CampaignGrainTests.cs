using Claims.Grains.Events;
using Claims.Grains.Reports;

namespace Claims.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CampaignGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task SameDefinitionSentTwiceIsAcceptedAndADifferentOneConflicts()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);

        Assert.Equal(CampaignCreationResult.AlreadyExists, (await grain.CreateAsync(campaign)).Result);
        Assert.Equal(CampaignCreationResult.Conflict, (await grain.CreateAsync(campaign with { Name = "other" })).Result);
        Assert.Contains(campaign.Id, await fixture.Grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync());
    }

    [Fact]
    public async Task InvalidDefinitionIsRefusedWithEveryViolationAndNothingIsStored()
    {
        var now = fixture.Clock.GetUtcNow();
        var invalid = TestCampaigns.Open(now) with { MinLeverage = 50, Funds = [new("county", 1)] };
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(invalid.Id);

        var creation = await grain.CreateAsync(invalid);

        Assert.Equal(CampaignCreationResult.Invalid, creation.Result);
        Assert.Contains(creation.Violations, v => v.Code == "leverage_below_floor");
        Assert.Contains(creation.Violations, v => v.Code == "fund_exceeded");
        Assert.Null(await grain.GetAsync());
        Assert.DoesNotContain(invalid.Id, await fixture.Grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync());
    }

    [Fact]
    public async Task DefinitionAddressedToAnotherIdIsRefused()
    {
        var definition = TestCampaigns.Open(fixture.Clock.GetUtcNow());

        var creation = await fixture.Grains.GetGrain<ICampaignGrain>("somewhere-else").CreateAsync(definition);

        Assert.Contains(creation.Violations, v => v.Code == "id_mismatch");
    }

    [Fact]
    public async Task EveryGrantRaisesOneClaimedEventCarryingTheCoupon()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: 50));
        var coupons = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => fixture.ClaimAsync(campaign, $"e{i}", "market-20-100")));

        // The ledger holds the pool's journal appends; read out, each grant is one claimed event with the coupon as answered.
        var ledger = await fixture.Ledger.ReadAsync(campaign.Id);
        var events = PoolLedgerEvents.Expand(campaign, ledger).OfType<CouponClaimed>().ToList();

        Assert.Equal(50, ledger.OfType<PoolAppended>().Sum(a => a.Grants.Count));
        Assert.Equal(50, events.Count);
        Assert.Equal(coupons.Select(c => c.Coupon!).OrderBy(c => c.CouponId), events.Select(e => e.Coupon).OrderBy(c => c.CouponId));
        Assert.All(events, e => Assert.Equal($"claimed:{e.Coupon.CouponId}", e.EventId));
    }

    [Fact]
    public async Task CreatingPausingAndResumingRaiseEvents()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);

        await grain.PauseAsync();
        await grain.PauseAsync();
        await grain.ResumeAsync();

        var ledger = await fixture.Ledger.ReadAsync(campaign.Id);
        Assert.Single(ledger.OfType<CampaignCreated>());
        var changes = ledger.OfType<CampaignStatusChanged>().ToList();
        Assert.Equal([CampaignStatus.Paused, CampaignStatus.Active], changes.Select(e => e.Status));
        Assert.Equal(2, changes.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task BlacklistChangesSentAtOnceAllLandInTheLedgerAndRaiseTheRevision()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => grain.ChangeBlacklistAsync([$"fraud-{i}"], i == 0 ? ["cheater"] : [])));
        var again = await grain.ChangeBlacklistAsync(["fraud-1"], []);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"fraud-{i}").Order(), again!.Definition.Blacklist!.Order());
        Assert.Equal(20, again.Revision);
        var changes = (await fixture.Ledger.ReadAsync(campaign.Id)).OfType<BlacklistChanged>().ToList();
        Assert.Equal(20, changes.Sum(c => c.Added.Count));
        Assert.Equal(["cheater"], changes.SelectMany(c => c.Removed));
        Assert.Null(await fixture.Grains.GetGrain<ICampaignGrain>("no-such-campaign").ChangeBlacklistAsync(["x"], []));
    }

    [Fact]
    public async Task ARoundAboutToOpenHasItsPoolsAndQuotaGrainsActiveBeforeTheFirstClaim()
    {
        var now = fixture.Clock.GetUtcNow();
        var open = TestCampaigns.Open(now);
        var campaign = await fixture.CreateAsync(open with
        {
            Rounds = [TestCampaigns.Round("p1", "1", now.AddSeconds(90), now.AddDays(1), 100), TestCampaigns.Round("p2", "2", now.AddDays(2), now.AddDays(3), 100)],
        });
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var pool = (GrainReference)fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "market-10-50"));
        var quota = (GrainReference)fixture.Grains.GetGrain<IQuotaGrain>(GrainKeys.Quota(campaign.Id, "supermarket", 0));
        var later = (GrainReference)fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p2", "market-10-50"));

        await fixture.TickAsync(campaign);

        Assert.Equal(1, await management.GetGrainActivationCount(pool));
        Assert.Equal(1, await management.GetGrainActivationCount(quota));
        Assert.Equal(0, await management.GetGrainActivationCount(later));
        Assert.Equal(ClaimRefusal.RoundNotOpen, (await fixture.ClaimAsync(campaign, "early", "market-10-50")).Refusal);
        fixture.Clock.Advance(TimeSpan.FromSeconds(91));
        Assert.NotNull((await fixture.ClaimAsync(campaign, "on-time", "market-10-50")).Coupon);
        Assert.Equal(ClaimRefusal.LimitReached, (await fixture.ClaimAsync(campaign, "on-time", "market-20-100")).Refusal);
    }
}
