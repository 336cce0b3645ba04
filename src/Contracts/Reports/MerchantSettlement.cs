namespace Claims.Contracts.Reports;

/// <summary>
/// What one fund owes one merchant, exact to the fen. <see cref="Amount"/> is paid: redemptions
/// net of refunds and reversals, less what is <see cref="Held"/> while the merchant's money is held
/// back; <see cref="Released"/> is the part of it that was held once and released;
/// <see cref="Reversed"/> is the value of redemptions reversed as fraudulent, which is never owed;
/// <see cref="InReview"/> is the value of reviewed redemptions no operator has approved yet.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.merchant-settlement")]
public sealed record MerchantSettlement(string Fund, string MerchantId, int Redemptions, decimal Amount, decimal Held = 0, decimal Released = 0, decimal Reversed = 0, decimal InReview = 0);
