namespace Claims.Contracts.Redemptions;

/// <summary>
/// One merchant's order, key from <see cref="GrainKeys.Order"/>: the coupon it used and its refund.
/// It makes a till's retries safe (the same order answers the same) and holds one coupon per order;
/// the coupon's pool is where a redemption or refund commits.
/// </summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Redeems the coupon against this order, or answers as the first time when the order already used it.</summary>
    Task<RedemptionOutcome> RedeemAsync(RedemptionRequest request);

    /// <summary>Refunds the order's coupon; null when this merchant has no redeemed order of this id.</summary>
    Task<RefundOutcome?> RefundAsync();

    /// <summary>Reverses the order's redemption as fraudulent (an operator's act); null when this merchant has no redeemed order of this id.</summary>
    Task<ReversalOutcome?> ReverseAsync();
}
