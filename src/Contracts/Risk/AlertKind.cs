namespace Claims.Contracts.Risk;

/// <summary>The patterns of cash-out, fake and split orders the seeds ask operators to watch for.</summary>
public enum AlertKind
{
    /// <summary>More redemptions at one merchant in a short window than a till serves honestly.</summary>
    RedemptionBurst,

    /// <summary>Most of a merchant's recent orders sit just at the coupon's minimum spend: orders shaped to the coupon.</summary>
    MinimumSpendOrders,

    /// <summary>One resident's coupons used at the same merchant again and again.</summary>
    RepeatResident,

    /// <summary>Redemptions outside business hours.</summary>
    OutsideBusinessHours,
}
