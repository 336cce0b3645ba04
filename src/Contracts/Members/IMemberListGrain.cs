namespace Claims.Contracts.Members;

/// <summary>
/// A campaign's member list (key <c>{campaignId}/{listId}</c>): the residents who alone may claim
/// the coupon types naming it in <see cref="Campaigns.CouponTypeDefinition.MemberList"/> (003: a
/// union's members, a bank's card holders). A list is replaced whole: an operator starts an
/// upload, sends it in numbered chunks (each stored across the list's
/// <see cref="MemberShards.Count"/> shard grains), and commits it, which makes it the list every
/// claim reads from then on. Until its first commit a list has no members.
/// </summary>
public interface IMemberListGrain : IGrainWithStringKey
{
    /// <summary>Opens a new upload; the list stays as it is until the upload is committed.</summary>
    Task<MemberUpload> StartUploadAsync(string? by);

    /// <summary>
    /// Stores chunk <paramref name="chunk"/> of upload <paramref name="upload"/>; the same chunk
    /// again replaces what it held. Null when the upload is unknown or already committed.
    /// </summary>
    Task<MemberUpload?> AddChunkAsync(int upload, int chunk, IReadOnlyList<string> userIds);

    /// <summary>
    /// Makes upload <paramref name="upload"/>, sent as chunks 0 to <paramref name="chunks"/> − 1,
    /// the list. Committing the committed upload again answers it unchanged.
    /// </summary>
    Task<MemberCommit> CommitAsync(int upload, int chunks, string? by);

    /// <summary>The list as committed, with the uploads still open.</summary>
    [AlwaysInterleave]
    Task<MemberList> GetAsync();
}
