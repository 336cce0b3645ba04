namespace Claims.Contracts.Merchants;

/// <summary>What an operator registers about a merchant.</summary>
[GenerateSerializer, Immutable, Alias("claims.merchant-registration")]
public sealed record MerchantRegistration(string Name, IReadOnlyList<string> Industries, string RegionCode);
