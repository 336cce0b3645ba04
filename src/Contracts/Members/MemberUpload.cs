namespace Claims.Contracts.Members;

/// <summary>An open upload of a member list: the chunks it has received and the ids in each.</summary>
[GenerateSerializer, Immutable, Alias("claims.member-upload")]
public sealed record MemberUpload(
    [property: Id(0)] int Upload,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] string? StartedBy,
    [property: Id(3)] IReadOnlyDictionary<int, int> Chunks);
