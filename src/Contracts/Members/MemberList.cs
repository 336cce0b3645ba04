namespace Claims.Contracts.Members;

/// <summary>
/// A member list as committed: <see cref="Upload"/> is the committed upload (0 before the first
/// commit), <see cref="Members"/> how many distinct residents it holds.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.member-list")]
public sealed record MemberList(
    [property: Id(0)] string ListId,
    [property: Id(1)] int Upload,
    [property: Id(2)] int Members,
    [property: Id(3)] DateTimeOffset? CommittedAt,
    [property: Id(4)] string? CommittedBy,
    [property: Id(5)] IReadOnlyList<MemberUpload> OpenUploads);
