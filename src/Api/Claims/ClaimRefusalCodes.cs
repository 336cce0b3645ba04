namespace Claims.Api.Claims;

/// <summary>The HTTP contract's refusal codes.</summary>
public static class ClaimRefusalCodes
{
    public static string Code(ClaimRefusal refusal) => refusal switch
    {
        ClaimRefusal.SoldOut => "sold_out",
        ClaimRefusal.LimitReached => "limit_reached",
        ClaimRefusal.RoundNotOpen => "round_not_open",
        ClaimRefusal.CampaignPaused => "campaign_paused",
        ClaimRefusal.RegionNotEligible => "region_not_eligible",
        ClaimRefusal.NotOnList => "not_on_list",
        ClaimRefusal.Blacklisted => "blacklisted",
        ClaimRefusal.UnknownCampaign => "campaign_not_found",
        ClaimRefusal.UnknownCouponType => "coupon_type_not_found",
        ClaimRefusal.RegistrationClosed => "registration_closed",
        ClaimRefusal.DrawOnly => "draw_only",
        ClaimRefusal.Superseded => "retry",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    public static string Detail(ClaimRefusal refusal) => refusal switch
    {
        ClaimRefusal.SoldOut => "This round's coupons of this type are all claimed.",
        ClaimRefusal.LimitReached => "You have claimed as many coupons as the campaign allows.",
        ClaimRefusal.RoundNotOpen => "No round of this coupon type is open now.",
        ClaimRefusal.CampaignPaused => "The campaign is paused.",
        ClaimRefusal.RegionNotEligible => "Your region is not part of this campaign.",
        ClaimRefusal.NotOnList => "Only the residents on this coupon's list may have it.",
        ClaimRefusal.Blacklisted => "You are excluded from this campaign.",
        ClaimRefusal.UnknownCampaign => "No such campaign.",
        ClaimRefusal.UnknownCouponType => "The campaign has no such coupon type.",
        ClaimRefusal.RegistrationClosed => "No draw of this coupon type takes registrations now.",
        ClaimRefusal.DrawOnly => "This round's coupons are drawn among the residents who registered.",
        _ => "Try again shortly with the same Idempotency-Key.",
    };
}
