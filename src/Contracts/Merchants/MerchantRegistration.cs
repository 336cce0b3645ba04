namespace Claims.Contracts.Merchants;

/// <summary>What a merchant registers: its name, industries, region, and the attributes it claims (such as <c>above-quota</c>, 限上), which count once an operator approves it.</summary>
[GenerateSerializer, Immutable, Alias("claims.merchant-registration")]
public sealed record MerchantRegistration(string Name, IReadOnlyList<string> Industries, string RegionCode, IReadOnlyList<string>? Attributes = null);
