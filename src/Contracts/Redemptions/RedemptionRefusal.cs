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
}
