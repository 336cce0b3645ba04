namespace Claims.Contracts.Campaigns;

/// <summary>A budget line (city, district, payment platform...); funds are configured and settled separately.</summary>
[GenerateSerializer, Immutable, Alias("claims.fund-definition")]
public sealed record FundDefinition(string Id, decimal Amount);
