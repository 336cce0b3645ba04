namespace Claims.Api.Merchants;

public sealed record MerchantBody(string? Id, string? Name, IReadOnlyList<string>? Industries, string? RegionCode, IReadOnlyList<string>? Attributes = null);
