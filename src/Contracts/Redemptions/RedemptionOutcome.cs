namespace Claims.Contracts.Redemptions;

/// <summary>Either the receipt or the reason for refusing the redemption.</summary>
[GenerateSerializer, Immutable, Alias("claims.redemption-outcome")]
public sealed record RedemptionOutcome(RedemptionReceipt? Receipt, RedemptionRefusal? Refusal)
{
    public static RedemptionOutcome Redeemed(RedemptionReceipt receipt) => new(receipt, null);

    public static RedemptionOutcome Refused(RedemptionRefusal refusal) => new(null, refusal);
}
