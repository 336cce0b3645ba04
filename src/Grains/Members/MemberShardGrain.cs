using Claims.Contracts.Members;

namespace Claims.Grains.Members;

public sealed class MemberShardGrain(
    [PersistentState("member-shard", StorageNames.Claims)] IPersistentState<MemberShardState> state) : Grain, IMemberShardGrain
{
    private HashSet<string>? _members;

    private HashSet<string> Members => _members ??= new(state.State.Members, StringComparer.Ordinal);

    public Task<bool> ContainsAsync(string userId) => Task.FromResult(Members.Contains(userId));

    public async Task StageAsync(int upload, int chunk, IReadOnlyList<string> userIds)
    {
        if (upload <= state.State.Committed)
        {
            return;
        }

        if (!state.State.Staged.TryGetValue(upload, out var chunks))
        {
            chunks = state.State.Staged[upload] = [];
        }

        chunks[chunk] = [.. userIds];
        await state.WriteStateAsync();
    }

    public async Task<int> CommitAsync(int upload)
    {
        if (upload <= state.State.Committed)
        {
            return state.State.Members.Length;
        }

        var members = state.State.Staged.TryGetValue(upload, out var chunks)
            ? chunks.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal).ToArray()
            : [];
        state.State.Committed = upload;
        state.State.Members = members;
        foreach (var done in state.State.Staged.Keys.Where(u => u <= upload).ToList())
        {
            state.State.Staged.Remove(done);
        }

        await state.WriteStateAsync();
        _members = null;
        return members.Length;
    }
}
