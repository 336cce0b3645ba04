namespace Claims.Contracts.Reports;

/// <summary>
/// One coupon type in one round, from the ledger. Values are yuan. <see cref="Coverage"/> is
/// claimed / (stock + rolled in); <see cref="RedemptionRate"/> is redeemed / claimed;
/// <see cref="Leverage"/> is the order total of redemptions not refunded or reversed over their
/// discount. <see cref="Reversed"/> counts redemptions an operator reversed as fraudulent,
/// <see cref="Rejected"/> reviewed redemptions an operator rejected, and <see cref="InReview"/>
/// those still waiting for a review (counted in <see cref="Redeemed"/>, not yet settled).
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.report-line")]
public sealed record ReportLine(
    string RoundId,
    string Fund,
    string Industry,
    string CouponTypeId,
    decimal FaceValue,
    int Stock,
    int RolledIn,
    int Claimed,
    decimal ClaimedValue,
    decimal Coverage,
    int Residents,
    int Redeemed,
    decimal RedeemedValue,
    decimal RedemptionRate,
    int Refunded,
    decimal RefundedValue,
    int Expired,
    int RolledOver,
    int ReturnedToFund,
    decimal OrderTotal,
    decimal Leverage,
    int Reversed = 0,
    decimal ReversedValue = 0,
    int Rejected = 0,
    decimal RejectedValue = 0,
    int InReview = 0);
