namespace Claims.Contracts.Reports;

/// <summary>
/// A campaign's figures summed over a <see cref="Scope"/> (<c>campaign</c>, <c>fund</c> or
/// <c>industry</c>, named by <see cref="Key"/>). Unlike a sum of report lines, a resident who claimed
/// several types, or a merchant that took several, counts once (<see cref="Residents"/>,
/// <see cref="Merchants"/>). Redemptions are net of refunds, reversals and rejections in review. A co-funded round
/// counts under its lead fund; the settlement splits its money between the co-funders.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.report-total")]
public sealed record ReportTotal(
    string Scope,
    string Key,
    int Residents,
    int Merchants,
    int Claimed,
    decimal ClaimedValue,
    int Redeemed,
    decimal RedeemedValue,
    int Refunded,
    int Reversed,
    int Rejected,
    int Expired,
    int RolledOver,
    int ReturnedToFund,
    decimal OrderTotal,
    decimal Leverage);
