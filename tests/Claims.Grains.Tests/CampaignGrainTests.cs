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
}
