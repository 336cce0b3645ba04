namespace Claims.Contracts.Campaigns;

/// <summary>Where a refunded order's coupon goes.</summary>
public enum RefundPolicy
{
    /// <summary>
    /// The seeds' rule: the coupon is void and its value goes back to the open round of its type,
    /// else the next one, else the fund.
    /// </summary>
    Pool,

    /// <summary>What the payment platforms do: the coupon returns to its owner while it is still valid, else as <see cref="Pool"/>.</summary>
    Owner,
}
