namespace Claims.Contracts.Members;

/// <summary>What committing an upload did: <see cref="Missing"/> lists the chunks not received when it is refused as incomplete.</summary>
[GenerateSerializer, Immutable, Alias("claims.member-commit")]
public sealed record MemberCommit(
    [property: Id(0)] MemberCommitResult Result,
    [property: Id(1)] MemberList List,
    [property: Id(2)] IReadOnlyList<int>? Missing = null);
