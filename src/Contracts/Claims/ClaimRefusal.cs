namespace Claims.Contracts.Claims;

/// <summary>Why a claim was refused.</summary>
public enum ClaimRefusal
{
    SoldOut,
    LimitReached,
    RoundNotOpen,
    CampaignPaused,
    RegionNotEligible,
    NotOnList,
    Blacklisted,
    UnknownCampaign,
    UnknownCouponType,
    /// <summary>A newer activation of the resident's quota grain has taken over; the caller may retry.</summary>
    Superseded,
}
