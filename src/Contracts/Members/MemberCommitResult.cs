namespace Claims.Contracts.Members;

[GenerateSerializer]
public enum MemberCommitResult
{
    Committed,
    UploadNotFound,

    /// <summary>A later upload was committed: committing this one would bring back an older list.</summary>
    Superseded,

    /// <summary>Chunks below the count were not received, or chunks at or above it were.</summary>
    ChunksMismatch,
}
