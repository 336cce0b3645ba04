namespace Claims.LoadTests;

/// <summary>A threshold as written, whether the run kept it, and the figure it was held against.</summary>
public sealed record ThresholdResult(string Expression, bool Passed, string Actual);
