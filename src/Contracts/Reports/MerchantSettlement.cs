namespace Claims.Contracts.Reports;

/// <summary>What one fund owes one merchant: its redemptions net of refunds, exact to the fen.</summary>
[GenerateSerializer, Immutable, Alias("claims.merchant-settlement")]
public sealed record MerchantSettlement(string Fund, string MerchantId, int Redemptions, decimal Amount);
