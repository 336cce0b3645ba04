namespace Claims.Api.Admin;

public sealed record StockBody(IReadOnlyDictionary<string, int>? Stock);
