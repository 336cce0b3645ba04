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

    /// <summary>The coupon type is reviewed and the redemption lacks documents it requires.</summary>
    DocumentsRequired,

    /// <summary>Another order of the campaign already presented this invoice number.</summary>
    DuplicateInvoice,

    /// <summary>The invoice presented is for less than the order.</summary>
    InvoiceBelowOrder,
}
