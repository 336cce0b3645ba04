using Claims.Contracts.Redemptions;

namespace Claims.Api.Redemptions;

/// <summary>The HTTP contract's redemption refusal codes.</summary>
public static class RedemptionRefusalCodes
{
    public static string Code(RedemptionRefusal refusal) => refusal switch
    {
        RedemptionRefusal.CouponNotFound => "coupon_not_found",
        RedemptionRefusal.NotOwner => "not_owner",
        RedemptionRefusal.AlreadyUsed => "already_used",
        RedemptionRefusal.Expired => "expired",
        RedemptionRefusal.CouponVoid => "coupon_void",
        RedemptionRefusal.BelowMinSpend => "below_min_spend",
        RedemptionRefusal.AboveMaxSpend => "above_max_spend",
        RedemptionRefusal.WrongIndustry => "wrong_industry",
        RedemptionRefusal.MerchantNotEligible => "merchant_not_eligible",
        RedemptionRefusal.MerchantNotApproved => "merchant_not_approved",
        RedemptionRefusal.OrderHasCoupon => "order_has_coupon",
        RedemptionRefusal.RegionNotEligible => "region_not_eligible",
        RedemptionRefusal.DocumentsRequired => "documents_required",
        RedemptionRefusal.DuplicateInvoice => "duplicate_invoice",
        RedemptionRefusal.InvoiceBelowOrder => "invoice_below_order",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    /// <summary>Not found for an unknown coupon, unprocessable for documents a reviewed type lacks, conflict for the rest.</summary>
    public static int Status(RedemptionRefusal refusal) => refusal switch
    {
        RedemptionRefusal.CouponNotFound => StatusCodes.Status404NotFound,
        RedemptionRefusal.DocumentsRequired or RedemptionRefusal.InvoiceBelowOrder => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status409Conflict,
    };

    public static string Detail(RedemptionRefusal refusal) => refusal switch
    {
        RedemptionRefusal.CouponNotFound => "No such coupon.",
        RedemptionRefusal.NotOwner => "The coupon belongs to another resident; coupons are not transferable.",
        RedemptionRefusal.AlreadyUsed => "The coupon has already been used.",
        RedemptionRefusal.Expired => "The coupon is past its validity.",
        RedemptionRefusal.CouponVoid => "The coupon's order was refunded and its value returned; it cannot be used again.",
        RedemptionRefusal.BelowMinSpend => "The order is below the coupon's minimum spend.",
        RedemptionRefusal.AboveMaxSpend => "The order is above the coupon's price band.",
        RedemptionRefusal.WrongIndustry => "This merchant does not sell in the coupon's industry.",
        RedemptionRefusal.MerchantNotEligible => "The coupon is redeemed only at merchants approved with the attributes its type requires (such as above-quota enterprises).",
        RedemptionRefusal.MerchantNotApproved => "This merchant is not approved to redeem coupons.",
        RedemptionRefusal.OrderHasCoupon => "This order already used another coupon: one coupon per order.",
        RedemptionRefusal.DocumentsRequired => "The coupon's type is reviewed: send the documents its reviewDocuments name (the invoice number always).",
        RedemptionRefusal.DuplicateInvoice => "Another order of this campaign already presented this invoice number: one purchase takes one coupon.",
        RedemptionRefusal.InvoiceBelowOrder => "The invoice is for less than the order.",
        _ => "The merchant or the resident is outside the campaign's regions.",
    };
}
