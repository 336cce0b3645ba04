using Claims.Contracts.Members;
using Claims.Grains.Events;

namespace Claims.Grains.Members;

// The list grain decides what the list is; its shards hold the ids. A commit is stored here
// before it is sent to the shards, and finished at the next activation if a crash interrupted
// it, so every shard ends up on the same upload.
public sealed class MemberListGrain(
    [PersistentState("member-list", StorageNames.Claims)] IPersistentState<MemberListState> state,
    IClaimsEventSink sink,
    TimeProvider time,
    ILogger<MemberListGrain> logger) : Grain, IMemberListGrain
{
    private readonly EventOutbox<MemberListState> _outbox = new(state, sink, logger);

    private string CampaignId => MemberShards.ParseList(this.GetPrimaryKeyString()).CampaignId;

    private string ListId => MemberShards.ParseList(this.GetPrimaryKeyString()).ListId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await _outbox.RestoreAsync();
        if (state.State.Committing is not null)
        {
            await FinishCommitAsync();
        }
    }

    public async Task<MemberUpload> StartUploadAsync(string? by)
    {
        var upload = new MemberUpload(++state.State.LastUpload, time.GetUtcNow(), by, new Dictionary<int, int>());
        state.State.Uploads[upload.Upload] = upload;
        await state.WriteStateAsync();
        return upload;
    }

    public async Task<MemberUpload?> AddChunkAsync(int upload, int chunk, IReadOnlyList<string> userIds)
    {
        if (state.State.Committing == upload || !state.State.Uploads.TryGetValue(upload, out var open))
        {
            return null;
        }

        // Every shard hears of every chunk, so a chunk sent again with other ids leaves none of
        // its old ids behind in a shard the new ones no longer reach.
        var distinct = userIds.Distinct(StringComparer.Ordinal).ToList();
        var byShard = distinct.ToLookup(MemberShards.Of);
        await Task.WhenAll(Enumerable.Range(0, MemberShards.Count).Select(shard =>
            GrainFactory.GetGrain<IMemberShardGrain>(MemberShards.Shard(CampaignId, ListId, shard)).StageAsync(upload, chunk, [.. byShard[shard]])));

        open = state.State.Uploads[upload] = open with { Chunks = new Dictionary<int, int>(open.Chunks) { [chunk] = distinct.Count } };
        await state.WriteStateAsync();
        return open;
    }

    public async Task<MemberCommit> CommitAsync(int upload, int chunks, string? by)
    {
        if (upload == state.State.Committed)
        {
            return new(MemberCommitResult.Committed, View());
        }

        if (upload < state.State.Committed)
        {
            return new(MemberCommitResult.Superseded, View());
        }

        if (!state.State.Uploads.TryGetValue(upload, out var open))
        {
            return new(MemberCommitResult.UploadNotFound, View());
        }

        var missing = Enumerable.Range(0, Math.Max(chunks, 0)).Where(c => !open.Chunks.ContainsKey(c)).ToArray();
        if (chunks < 1 || missing.Length > 0 || open.Chunks.Keys.Any(c => c >= chunks))
        {
            return new(MemberCommitResult.ChunksMismatch, View(), missing);
        }

        state.State.Committing = upload;
        state.State.CommittingBy = by;
        await state.WriteStateAsync();
        await FinishCommitAsync();
        return new(MemberCommitResult.Committed, View());
    }

    public Task<MemberList> GetAsync() => Task.FromResult(View());

    private async Task FinishCommitAsync()
    {
        var upload = state.State.Committing!.Value;
        var members = await Task.WhenAll(Enumerable.Range(0, MemberShards.Count).Select(shard =>
            GrainFactory.GetGrain<IMemberShardGrain>(MemberShards.Shard(CampaignId, ListId, shard)).CommitAsync(upload)));

        var now = time.GetUtcNow();
        state.State.Committed = upload;
        state.State.Members = members.Sum();
        state.State.CommittedAt = now;
        state.State.CommittedBy = state.State.CommittingBy;
        state.State.Committing = null;
        state.State.CommittingBy = null;
        foreach (var done in state.State.Uploads.Keys.Where(u => u <= upload).ToList())
        {
            state.State.Uploads.Remove(done);
        }

        var version = _outbox.NextVersion();
        _outbox.Raise(version, new MemberListReplaced
        {
            EventId = $"member-list:{CampaignId}:{ListId}:{upload}",
            OccurredAt = now,
            CampaignId = CampaignId,
            ListId = ListId,
            Upload = upload,
            Members = state.State.Members,
            By = state.State.CommittedBy,
        });
        await _outbox.CommitAsync(version);
    }

    private MemberList View() => new(
        ListId,
        state.State.Committed,
        state.State.Members,
        state.State.CommittedAt,
        state.State.CommittedBy,
        [.. state.State.Uploads.Values.OrderBy(u => u.Upload)]);
}
