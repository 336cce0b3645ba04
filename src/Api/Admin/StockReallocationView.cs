namespace Claims.Api.Admin;

/// <summary>A round's stock after a reallocation, and its value before and after (always equal when accepted).</summary>
public sealed record StockReallocationView(RoundDefinition Round, decimal ValueBefore, decimal ValueAfter);
