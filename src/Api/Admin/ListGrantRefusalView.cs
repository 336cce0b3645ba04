namespace Claims.Api.Admin;

public sealed record ListGrantRefusalView(string UserId, string Code);
