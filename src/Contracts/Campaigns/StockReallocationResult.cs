namespace Claims.Contracts.Campaigns;

/// <summary>How a stock reallocation ended.</summary>
public enum StockReallocationResult
{
    Reallocated,
    CampaignNotFound,
    RoundNotFound,

    /// <summary>The round has opened (or opens within the cut-off): its stock may already be claimed.</summary>
    RoundOpened,

    /// <summary>A coupon type named is not part of the round.</summary>
    CouponTypeNotInRound,

    /// <summary>The new stock is not worth exactly what the old one was.</summary>
    Unbalanced,
}
