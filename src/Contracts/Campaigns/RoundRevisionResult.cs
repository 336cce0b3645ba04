namespace Claims.Contracts.Campaigns;

/// <summary>How adding or changing a round ended.</summary>
public enum RoundRevisionResult
{
    Added,
    Changed,
    CampaignNotFound,

    /// <summary>The round has opened, or the new one would open within the cut-off: what residents could claim no longer moves.</summary>
    RoundOpened,

    /// <summary>The campaign with the round breaks a rule of creation (funds, leverage, overlaps); see the violations.</summary>
    Invalid,

    /// <summary>The round has closed: its leftover has gone where the round said then.</summary>
    RoundClosed,

    /// <summary>No such round in the campaign.</summary>
    RoundNotFound,

    /// <summary>A validity extension that would lengthen no coupon: it ends before now or before the round's first coupon lapses.</summary>
    NotExtended,
}
