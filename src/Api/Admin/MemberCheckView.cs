namespace Claims.Api.Admin;

public sealed record MemberCheckView(string ListId, string UserId, bool Member);
