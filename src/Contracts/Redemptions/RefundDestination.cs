namespace Claims.Contracts.Redemptions;

/// <summary>Where a refunded coupon went.</summary>
public enum RefundDestination
{
    /// <summary>Back into its owner's wallet, usable again.</summary>
    Owner,

    /// <summary>Into a round's pool of its type, to be claimed again.</summary>
    Pool,

    /// <summary>To the fund: no round of its type was left to take it.</summary>
    Fund,
}
