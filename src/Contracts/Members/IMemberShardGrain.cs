namespace Claims.Contracts.Members;

/// <summary>
/// One shard of a member list (key <c>{campaignId}/{listId}/{shard}</c>, see
/// <see cref="MemberShards"/>): the members whose ids hash to it, as committed, and what open
/// uploads sent it. Claims ask it; only its list grain changes it.
/// </summary>
public interface IMemberShardGrain : IGrainWithStringKey
{
    /// <summary>Whether <paramref name="userId"/> is on the committed list.</summary>
    [ReadOnly]
    Task<bool> ContainsAsync(string userId);

    /// <summary>Keeps this shard's part of a chunk of an upload, replacing what the same chunk sent before.</summary>
    Task StageAsync(int upload, int chunk, IReadOnlyList<string> userIds);

    /// <summary>Makes the upload this shard's members and returns how many there are; idempotent.</summary>
    Task<int> CommitAsync(int upload);
}
