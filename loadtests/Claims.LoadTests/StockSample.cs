namespace Claims.LoadTests;

/// <summary>Each pool's remaining stock as the admin API showed it, <see cref="At"/> seconds from the opening.</summary>
public sealed record StockSample(double At, IReadOnlyDictionary<string, int> Remaining);
