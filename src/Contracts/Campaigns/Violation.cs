namespace Claims.Contracts.Campaigns;

/// <summary>One rule a campaign definition breaks: where (a JSON path), which rule (a snake_case code), and why.</summary>
[GenerateSerializer, Immutable, Alias("claims.violation")]
public sealed record Violation(string Path, string Code, string Message);
