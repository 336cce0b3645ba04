namespace Claims.Contracts.Campaigns;

/// <summary>What a limit counts together: claims of one industry, of one coupon type, or all claims.</summary>
public enum LimitGrouping
{
    Industry,
    CouponType,
    All,
}
