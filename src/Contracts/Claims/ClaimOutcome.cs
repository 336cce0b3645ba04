namespace Claims.Contracts.Claims;

/// <summary>Either the granted coupon or the reason for refusing it.</summary>
[GenerateSerializer, Immutable, Alias("claims.claim-outcome")]
public sealed record ClaimOutcome(Coupon? Coupon, ClaimRefusal? Refusal)
{
    public static ClaimOutcome Granted(Coupon coupon) => new(coupon, null);

    public static ClaimOutcome Refused(ClaimRefusal refusal) => new(null, refusal);
}
