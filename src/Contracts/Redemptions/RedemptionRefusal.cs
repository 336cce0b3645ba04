namespace Claims.Contracts.Redemptions;

/// <summary>Why a redemption was refused.</summary>
public enum RedemptionRefusal
{
    CouponNotFound,
    NotOwner,
    AlreadyUsed,
    Expired,
    CouponVoid,
    BelowMinSpend,
    AboveMaxSpend,
    WrongIndustry,
    MerchantNotApproved,
    OrderHasCoupon,
    RegionNotEligible,

    /// <summary>The coupon type requires merchant attributes (such as 限上) this merchant was not approved with.</summary>
    MerchantNotEligible,
}
