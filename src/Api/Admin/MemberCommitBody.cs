namespace Claims.Api.Admin;

public sealed record MemberCommitBody(int? Chunks);
