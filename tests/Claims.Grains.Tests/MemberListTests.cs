using Claims.Contracts.Members;
using Claims.Grains.Events;
using Orleans.Core.Internal;

namespace Claims.Grains.Tests;

/// <summary>
/// Members-only rushes (003: 工会会员专享券): a coupon type naming a member list is claimed first
/// come first served by the residents on the list, and by nobody else; the list is replaced whole
/// by an upload sent in chunks and committed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MemberListTests(ClusterFixture fixture)
{
    [Fact]
    public async Task OnlyListedResidentsClaimAndNoneBeforeTheFirstCommit()
    {
        var campaign = await CreateAsync(stock: 100);
        Assert.Equal(ClaimRefusal.NotOnList, (await fixture.ClaimAsync(campaign, "m-1", "union-20-100")).Refusal);

        await UploadAsync(campaign, ["m-1", "m-2"], ["m-3"]);

        Assert.NotNull((await fixture.ClaimAsync(campaign, "m-3", "union-20-100")).Coupon);
        Assert.Equal(ClaimRefusal.NotOnList, (await fixture.ClaimAsync(campaign, "outsider", "union-20-100")).Refusal);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "outsider", "market-10-50")).Coupon);
        Assert.Equal(1, (await fixture.StockAsync(campaign, "p1", "union-20-100")).Granted);
    }

    [Fact]
    public async Task AMemberTappingOnTwoDevicesAtOnceGetsOneCoupon()
    {
        var campaign = await CreateAsync(stock: 100);
        await UploadAsync(campaign, ["twice"]);
        var outcomes = await AtOnce.RunAsync(16, _ => fixture.ClaimAsync(campaign, "twice", "union-20-100"));

        Assert.Single(outcomes, o => o.Coupon is not null);
        Assert.All(outcomes.Where(o => o.Coupon is null), o => Assert.Equal(ClaimRefusal.LimitReached, o.Refusal));
    }

    [Fact]
    public async Task ARushOfMembersAndOutsidersNeverOversellsAndGrantsOnlyMembers()
    {
        var campaign = await CreateAsync(stock: 30);
        var members = Enumerable.Range(0, 200).Select(i => $"member-{i}").ToArray();
        await UploadAsync(campaign, members[..100], members[100..]);

        var outcomes = await Task.WhenAll(members.Concat(Enumerable.Range(0, 200).Select(i => $"outsider-{i}")).Select(userId => Task.Run(
            async () => (userId, await fixture.ClaimAsync(campaign, userId, "union-20-100")),
            TestContext.Current.CancellationToken)));

        var granted = outcomes.Where(o => o.Item2.Coupon is not null).ToList();
        Assert.Equal(30, granted.Count);
        Assert.All(granted, g => Assert.StartsWith("member-", g.userId, StringComparison.Ordinal));
        Assert.All(outcomes.Where(o => o.userId.StartsWith("outsider-", StringComparison.Ordinal)), o => Assert.Equal(ClaimRefusal.NotOnList, o.Item2.Refusal));
        Assert.Equal(0, (await fixture.StockAsync(campaign, "p1", "union-20-100")).Remaining);
    }

    [Fact]
    public async Task AReplacedListLetsInItsMembersOnlyAndAnOpenUploadChangesNothing()
    {
        var campaign = await CreateAsync(stock: 100);
        await UploadAsync(campaign, ["old-1", "stays"]);
        var list = List(campaign);
        var next = await list.StartUploadAsync("op");
        await list.AddChunkAsync(next.Upload, 0, ["stays", "new-1"]);

        Assert.NotNull((await fixture.ClaimAsync(campaign, "old-1", "union-20-100")).Coupon);
        Assert.Equal(ClaimRefusal.NotOnList, (await fixture.ClaimAsync(campaign, "new-1", "union-20-100")).Refusal);

        Assert.Equal(MemberCommitResult.Committed, (await list.CommitAsync(next.Upload, 1, "op")).Result);

        Assert.Equal(ClaimRefusal.NotOnList, (await fixture.ClaimAsync(campaign, "old-2", "union-20-100")).Refusal);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "new-1", "union-20-100")).Coupon);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "stays", "union-20-100")).Coupon);
        var replaced = await list.GetAsync();
        Assert.Equal((next.Upload, 2), (replaced.Upload, replaced.Members));
        Assert.Empty(replaced.OpenUploads);
    }

    [Fact]
    public async Task AChunkSentAgainReplacesItsIdsAndAnIncompleteCommitIsRefusedChangingNothing()
    {
        var campaign = await CreateAsync(stock: 100);
        var list = List(campaign);
        var upload = await list.StartUploadAsync("op");
        await list.AddChunkAsync(upload.Upload, 0, [.. Enumerable.Range(0, 50).Select(i => $"typo-{i}")]);
        await list.AddChunkAsync(upload.Upload, 0, [.. Enumerable.Range(0, 50).Select(i => $"fixed-{i}")]);
        await list.AddChunkAsync(upload.Upload, 2, ["late"]);

        var incomplete = await list.CommitAsync(upload.Upload, 3, "op");
        Assert.Equal(MemberCommitResult.ChunksMismatch, incomplete.Result);
        Assert.Equal([1], incomplete.Missing!);
        Assert.Equal(0, incomplete.List.Upload);
        Assert.Equal(MemberCommitResult.ChunksMismatch, (await list.CommitAsync(upload.Upload, 2, "op")).Result);

        await list.AddChunkAsync(upload.Upload, 1, ["fixed-0", "middle"]);
        var committed = await list.CommitAsync(upload.Upload, 3, "op");
        Assert.Equal((MemberCommitResult.Committed, 52), (committed.Result, committed.List.Members));
        var again = await list.CommitAsync(upload.Upload, 3, "op");
        Assert.Equal((MemberCommitResult.Committed, committed.List.CommittedAt), (again.Result, again.List.CommittedAt));
        Assert.Null(await list.AddChunkAsync(upload.Upload, 3, ["too-late"]));

        Assert.Equal(ClaimRefusal.NotOnList, (await fixture.ClaimAsync(campaign, "typo-7", "union-20-100")).Refusal);
        Assert.NotNull((await fixture.ClaimAsync(campaign, "fixed-7", "union-20-100")).Coupon);
        var replacements = (await fixture.Ledger.ReadAsync(campaign.Id)).OfType<MemberListReplaced>().ToList();
        Assert.Equal((upload.Upload, 52, "op"), (replacements.Single().Upload, replacements.Single().Members, replacements.Single().By));
    }

    [Fact]
    public async Task AnOlderUploadCannotBeCommittedOverANewerOne()
    {
        var campaign = await CreateAsync(stock: 100);
        var list = List(campaign);
        var older = await list.StartUploadAsync("op");
        await list.AddChunkAsync(older.Upload, 0, ["older"]);
        await UploadAsync(campaign, ["newer"]);

        Assert.Equal(MemberCommitResult.Superseded, (await list.CommitAsync(older.Upload, 1, "op")).Result);
        Assert.Equal(ClaimRefusal.NotOnList, (await fixture.ClaimAsync(campaign, "older", "union-20-100")).Refusal);
    }

    [Fact]
    public async Task TheListOutlivesItsActivations()
    {
        var campaign = await CreateAsync(stock: 100);
        var members = Enumerable.Range(0, 64).Select(i => $"kept-{i}").ToArray();
        await UploadAsync(campaign, members);
        await DeactivateAsync(List(campaign));
        for (var shard = 0; shard < MemberShards.Count; shard++)
        {
            await DeactivateAsync(fixture.Grains.GetGrain<IMemberShardGrain>(MemberShards.Shard(campaign.Id, "union", shard)));
        }

        Assert.Equal(64, (await List(campaign).GetAsync()).Members);
        Assert.All(await Task.WhenAll(members.Select(m => fixture.ClaimAsync(campaign, m, "union-20-100"))), o => Assert.NotNull(o.Coupon));
    }

    private static async Task DeactivateAsync(IAddressable grain) =>
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

    private async Task UploadAsync(CampaignDefinition campaign, params string[][] chunks)
    {
        var list = List(campaign);
        var upload = await list.StartUploadAsync("op");
        for (var i = 0; i < chunks.Length; i++)
        {
            await list.AddChunkAsync(upload.Upload, i, chunks[i]);
        }

        Assert.Equal(MemberCommitResult.Committed, (await list.CommitAsync(upload.Upload, chunks.Length, "op")).Result);
    }

    private IMemberListGrain List(CampaignDefinition campaign) => fixture.Grains.GetGrain<IMemberListGrain>(MemberShards.List(campaign.Id, "union"));

    private Task<CampaignDefinition> CreateAsync(int stock)
    {
        var open = TestCampaigns.Open(fixture.Clock.GetUtcNow());
        return fixture.CreateAsync(open with
        {
            CouponTypes = [.. open.CouponTypes, new("union-20-100", "union", 20, 100, null, false, MemberList: "union")],
            Rounds = [.. open.Rounds.Select(r => r with { Stock = new Dictionary<string, int>(r.Stock) { ["union-20-100"] = stock } })],
        });
    }
}
