namespace Claims.Contracts.Redemptions;

/// <summary>Where a reviewed redemption stands.</summary>
public enum ReviewStatus
{
    /// <summary>Redeemed, waiting for an operator; not settled yet.</summary>
    Pending,

    /// <summary>An operator approved it: settled like any redemption.</summary>
    Approved,

    /// <summary>An operator rejected it: never settled; the coupon went back to its owner while valid, else its value passed on.</summary>
    Rejected,

    /// <summary>The order was refunded or reversed before the review, or its redemption never reached the pool.</summary>
    Withdrawn,
}
