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
    /// <summary>The draw round's registration is not open (not yet, or it has closed).</summary>
    RegistrationClosed,
    /// <summary>The open round is a draw: its coupons go to the residents drawn, not to the first.</summary>
    DrawOnly,
    /// <summary>A newer activation of the resident's quota grain has taken over; the caller may retry.</summary>
    Superseded,
}
