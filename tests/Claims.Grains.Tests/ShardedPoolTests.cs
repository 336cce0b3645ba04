using Orleans.Core.Internal;

namespace Claims.Grains.Tests;

/// <summary>
/// A hot type's pool split into shards: each holds a part of the stock, and a shard that runs dry
/// borrows from its siblings, so the type's totals stay exact and nobody is refused while a
/// coupon is left in any shard.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ShardedPoolTests(ClusterFixture fixture)
{
    private const int Shards = 4;
    private const string Hot = "market-10-50";

    [Fact]
    public async Task ResidentsOfOneShardGetTheWholeStockByBorrowingAndOnlyThenAreRefused()
    {
        var campaign = await fixture.CreateAsync(Split(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: 100)));
        var outcomes = await RushAsync(campaign, ResidentsOfShard(0).Take(130));

        var granted = outcomes.Select(o => o.Coupon).OfType<Coupon>().ToList();
        Assert.Equal(100, granted.Count);
        Assert.Equal(30, outcomes.Count(o => o.Refusal == ClaimRefusal.SoldOut));
        Assert.Equal(100, granted.Select(c => c.CouponId).Distinct().Count());
        Assert.All(granted, c => Assert.StartsWith($"{campaign.Id}.p1.{Hot}.0.", c.CouponId, StringComparison.Ordinal));
        var shards = await ShardStocksAsync(campaign);
        Assert.Equal([25, 25, 25, 25], shards.Select(s => s.Stock));
        Assert.Equal([75, -25, -25, -25], shards.Select(s => s.Borrowed));
        Assert.All(shards, s => Assert.Equal(0, s.Remaining));
        Assert.Single(await fixture.WalletAsync(campaign, granted[0].OwnerId));
    }

    [Fact]
    public async Task AShardedRushGrantsExactlyTheStock()
    {
        var campaign = await fixture.CreateAsync(Split(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: 1000)));
        var outcomes = await RushAsync(campaign, Enumerable.Range(0, 5000).Select(i => $"crowd-{i}"));

        Assert.Equal(1000, outcomes.Select(o => o.Coupon?.CouponId).OfType<string>().Distinct().Count());
        Assert.Equal(4000, outcomes.Count(o => o.Refusal == ClaimRefusal.SoldOut));
        var total = await fixture.StockAsync(campaign, "p1", Hot);
        Assert.Equal((1000, 1000, 0, 0), (total.Stock, total.Granted, total.Borrowed, total.Remaining));
    }

    [Fact]
    public async Task LoansSurviveRestartsAndTheCloseRollsOnExactlyWhatNobodyClaimed()
    {
        var campaign = await fixture.CreateAsync(Split(TestCampaigns.Open(fixture.Clock.GetUtcNow(), stock: 100)));
        var first = await RushAsync(campaign, ResidentsOfShard(1).Take(40));
        Assert.All(first, o => Assert.NotNull(o.Coupon));

        // A loan stored by the lender whose answer never reached the borrower, as if the borrower
        // crashed before storing it: the close must still count it.
        Assert.Equal(5, await Shard(campaign, "p1", 3).LendAsync(2, 5));
        await Task.WhenAll(Enumerable.Range(0, Shards).Select(shard => Shard(campaign, "p1", shard).Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken).AsTask()));

        var second = await RushAsync(campaign, ResidentsOfShard(2).Take(10));
        Assert.All(second, o => Assert.NotNull(o.Coupon));
        Assert.Single(await fixture.WalletAsync(campaign, first[0].Coupon!.OwnerId));

        fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        await fixture.TickAsync(campaign);

        var p1 = await fixture.StockAsync(campaign, "p1", Hot);
        var p2 = await fixture.StockAsync(campaign, "p2", Hot);
        Assert.Equal((true, 50, 0, 50), (p1.Closed, p1.Granted, p1.Borrowed, p1.RolledOut));
        Assert.Equal((100, 50, 150), (p2.Stock, p2.RolledIn, p2.Remaining));
    }

    private static CampaignDefinition Split(CampaignDefinition campaign) => campaign with
    {
        CouponTypes = [.. campaign.CouponTypes.Select(t => t.Id == Hot ? t with { Shards = Shards } : t)],
    };

    private static IEnumerable<string> ResidentsOfShard(int shard) =>
        Enumerable.Range(0, int.MaxValue).Select(i => $"resident-{i}").Where(u => PoolShards.ServingQuotaShard(QuotaShards.Of(u), Shards) == shard);

    private IPoolGrain Shard(CampaignDefinition campaign, string roundId, int shard) =>
        fixture.Grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaign.Id, roundId, Hot, shard));

    private Task<PoolStock[]> ShardStocksAsync(CampaignDefinition campaign) =>
        Task.WhenAll(Enumerable.Range(0, Shards).Select(shard => Shard(campaign, "p1", shard).GetStockAsync().AsTask()));

    private async Task<ClaimOutcome[]> RushAsync(CampaignDefinition campaign, IEnumerable<string> residents)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = residents.Select(async userId =>
        {
            await start.Task;
            return await fixture.ClaimAsync(campaign, userId, Hot);
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(claims);
    }
}
