using Claims.Grains.Events;
using Claims.Grains.Pools;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;

namespace Claims.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RecoveryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task NewQuotaActivationRebuildsTheResidentsCouponsFromThePools()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var granted = (await fixture.ClaimAsync(campaign, "returning", "market-10-50", requestKey: "k:once")).Coupon;
        var quota = fixture.Grains.GetGrain<IQuotaGrain>(GrainKeys.Quota(campaign.Id, "returning", "supermarket", campaign.QuotaGrains));

        await quota.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        Assert.Equal(granted, Assert.Single(await fixture.WalletAsync(campaign, "returning")));
        Assert.Equal(ClaimRefusal.LimitReached, (await fixture.ClaimAsync(campaign, "returning", "market-20-100")).Refusal);
        Assert.Equal(granted, (await fixture.ClaimAsync(campaign, "returning", "market-10-50", requestKey: "k:once")).Coupon);
    }

    [Fact]
    public async Task PoolKeepsItsGrantsAcrossReactivation()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: 5));
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull((await fixture.ClaimAsync(campaign, $"r{i}", "fuel-20-200")).Coupon);
        }

        var pool = fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "fuel-20-200"));
        await pool.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        Assert.Equal(2, (await pool.GetStockAsync()).Remaining);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "r3", "fuel-20-200")).Coupon);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "r4", "fuel-20-200")).Coupon);
        Assert.Equal(ClaimRefusal.SoldOut, (await fixture.ClaimAsync(campaign, "r5", "fuel-20-200")).Refusal);
    }

    [Fact]
    public async Task GrantFromASupersededQuotaActivationIsRefused()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var pool = fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "market-10-50"));
        var older = Guid.NewGuid();
        var newer = Guid.NewGuid();

        await pool.SyncSlotsAsync([QuotaShards.Of("moved")], older);
        await pool.SyncSlotsAsync([QuotaShards.Of("moved")], newer);
        var stale = await pool.GrantAsync([new PoolGrantRequest("moved", "r:late", older)]);

        Assert.Equal(ClaimRefusal.Superseded, Assert.Single(stale).Refusal);
        Assert.Equal(0, (await pool.GetStockAsync()).Granted);
        Assert.NotNull(Assert.Single(await pool.GrantAsync([new PoolGrantRequest("moved", "r:current", newer)])).Coupon);
    }

    // A silo paused past its death wakes with a quota activation that still believes its slots'
    // residents hold nothing; the pool it asks may meanwhile have been activated again (an append
    // of its successor failed), and must still know which quota activation read it last.
    [Fact]
    public async Task AReactivatedPoolStillRefusesTheQuotaActivationThatWasSuperseded()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var pool = fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "market-10-50"));
        var older = Guid.NewGuid();
        var newer = Guid.NewGuid();
        await pool.SyncSlotsAsync([QuotaShards.Of("sleeper")], older);
        await pool.SyncSlotsAsync([QuotaShards.Of("sleeper")], newer);

        await pool.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var stale = await pool.GrantAsync([new PoolGrantRequest("sleeper", "r:woken", older)]);

        Assert.Equal(ClaimRefusal.Superseded, Assert.Single(stale).Refusal);
        Assert.Equal(0, (await pool.GetStockAsync()).Granted);
    }

    // The read is what the successor's decisions rest on, so it is in the journal before it is
    // answered: an older activation of the pool that has not seen it cannot append after it.
    [Fact]
    public async Task AQuotaActivationsReadOfAPoolIsInThePoolsJournalBeforeItIsAnswered()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var poolKey = GrainKeys.Pool(campaign.Id, "p1", "market-10-50");
        var fence = Guid.NewGuid();
        var slot = QuotaShards.Of("reader");

        await fixture.Grains.GetGrain<IPoolGrain>(poolKey).SyncSlotsAsync([slot], fence);
        await fixture.Grains.GetGrain<IPoolGrain>(poolKey).SyncSlotsAsync([slot], fence);

        var appends = await fixture.Ledger.ReadAsync(poolKey, 0);
        Assert.Equal(new SlotFence(slot, fence), Assert.Single(Assert.Single(appends).Fences));
    }

    [Fact]
    public async Task EveryChangeToARunningCampaignSurvivesItsGrainsReactivation()
    {
        var now = fixture.Clock.GetUtcNow();
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(now) with { Funds = [new("county", 10_000_000), new("county-2", 10_000_000)] });
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);
        await grain.ReallocateAsync("p2", new Dictionary<string, int> { ["fuel-20-200"] = 500, ["market-10-50"] = 2000 });
        await grain.ChangeBlacklistAsync(["fraud"], ["cheater"]);
        await grain.ReviseRoundAsync(TestCampaigns.Round("p3", "3", now.AddDays(4), now.AddDays(5), 10) with
        {
            CoFunding = new[] { new FundShare("county", 0.5m), new FundShare("county-2", 0.5m) },
        });
        var before = (await grain.GetAsync())!;
        Assert.Equal(3, before.Revision);

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        var after = (await grain.GetAsync())!;
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(["fraud"], after.Definition.Blacklist);
        Assert.Equal(2000, after.Definition.Rounds.Single(r => r.Id == "p2").Stock["market-10-50"]);
        Assert.Equal(before.Definition.Rounds.Single(r => r.Id == "p3").CoFunding, after.Definition.Rounds.Single(r => r.Id == "p3").CoFunding);
    }

    [Fact]
    public async Task PauseSurvivesTheCampaignGrainsReactivation()
    {
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow()));
        var grain = fixture.Grains.GetGrain<ICampaignGrain>(campaign.Id);
        await grain.PauseAsync();

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var pool = fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, "p1", "dining-10-50"));
        await pool.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        Assert.Equal(CampaignStatus.Paused, (await grain.GetAsync())!.Status);
        Assert.Equal(ClaimRefusal.CampaignPaused, (await fixture.ClaimAsync(campaign, "waiting", "dining-10-50")).Refusal);
    }

    [Fact]
    public async Task APoolReadsBackItsSnapshotAndTheJournalAfterIt()
    {
        // Past the entries at which a pool stores a copy of its journal, and more after it.
        const int Claims = 6000;
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: Claims));
        var first = await Task.WhenAll(Enumerable.Range(0, Claims).Select(i => fixture.ClaimAsync(campaign, $"journal-{i}", "market-20-100", requestKey: $"k:{i}")));
        var poolKey = GrainKeys.Pool(campaign.Id, "p1", "market-20-100");
        var snapshot = await StoredSnapshotAsync(poolKey);
        Assert.InRange(snapshot.Grants.Count, 1, Claims - 1);

        await DeactivateAsync(campaign, poolKey);

        var pool = fixture.Grains.GetGrain<IPoolGrain>(poolKey);
        Assert.Equal(Claims, (await pool.GetStockAsync()).Granted);
        var replays = await Task.WhenAll(Enumerable.Range(0, Claims).Select(i => fixture.ClaimAsync(campaign, $"journal-{i}", "market-20-100", requestKey: $"k:{i}")));
        Assert.Equal(first.Select(o => o.Coupon!.CouponId), replays.Select(o => o.Coupon?.CouponId));
        Assert.Equal(Claims, first.Select(o => o.Coupon!.CouponId).Distinct().Count());
        Assert.Equal(ClaimRefusal.LimitReached, (await fixture.ClaimAsync(campaign, "journal-5", "market-10-50")).Refusal);
    }

    [Fact]
    public async Task AnAppendOfAVersionAnotherActivationWroteFailsAndThePoolReadsItsJournalAgain()
    {
        var now = fixture.Clock.GetUtcNow();
        var campaign = await fixture.CreateAsync(TestCampaigns.Open(now, stock: 10));
        var poolKey = GrainKeys.Pool(campaign.Id, "p1", "market-20-100");
        var mine = (await fixture.ClaimAsync(campaign, "first", "market-20-100")).Coupon!;

        // Another activation of the pool, which this one does not know of, wrote the next version.
        var next = (await fixture.Ledger.ReadAsync(poolKey, 0)).Count + 1;
        var intruder = new PoolGrant(2, "elsewhere", "k:elsewhere", now, now.AddDays(7));
        Assert.True(await fixture.Ledger.AppendAsync(new PoolAppended
        {
            EventId = PoolAppended.EventIdOf(poolKey, next),
            OccurredAt = now,
            PoolKey = poolKey,
            Version = next,
            Grants = [intruder],
        }));

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.ClaimAsync(campaign, "second", "market-20-100", requestKey: "k:second"));

        var second = (await fixture.ClaimAsync(campaign, "second", "market-20-100", requestKey: "k:second")).Coupon!;
        var stock = await fixture.StockAsync(campaign, "p1", "market-20-100");
        Assert.Equal(3, stock.Granted);
        Assert.Equal([mine.CouponId, CouponIds.Format(campaign.Id, "p1", "market-20-100", null, 2), second.CouponId], new[] { mine.CouponId, (await fixture.WalletAsync(campaign, "elsewhere")).Single().CouponId, second.CouponId });
        Assert.Equal(CouponIds.Format(campaign.Id, "p1", "market-20-100", null, 3), second.CouponId);
    }

    private async Task DeactivateAsync(CampaignDefinition campaign, string poolKey)
    {
        var pool = fixture.Grains.GetGrain<IPoolGrain>(poolKey);
        await pool.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        for (var grain = 0; grain < campaign.QuotaGrains; grain++)
        {
            var quota = fixture.Grains.GetGrain<IQuotaGrain>($"{campaign.Id}/supermarket/{grain}");
            await quota.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        }
    }

    // The copy is stored off the pool's turn, a moment after the append that called for it.
    private async Task<PoolSnapshot> StoredSnapshotAsync(string poolKey)
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Claims);
        var grainId = fixture.Grains.GetGrain<IPoolGrain>(poolKey).GetGrainId();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var row = new GrainState<PoolSnapshot>(new PoolSnapshot());
            await storage.ReadStateAsync("pool-snapshot", grainId, row);
            if (row.State is { Version: > 0 })
            {
                return row.State;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }
}
