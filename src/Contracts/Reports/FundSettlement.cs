namespace Claims.Contracts.Reports;

/// <summary>
/// One fund's account: its budget, what it pays merchants, what it holds back from suspended or
/// banned merchants or keeps while reviews are pending, and the leftover to return to the treasury
/// (budget − paid − held − in review). Funds are
/// never mixed: each merchant is paid per fund. <see cref="Released"/>, <see cref="Reversed"/> and
/// <see cref="InReview"/> sum the merchants'.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.fund-settlement")]
public sealed record FundSettlement(string Fund, decimal Budget, decimal Paid, decimal Leftover, decimal Held = 0, decimal Released = 0, decimal Reversed = 0, decimal InReview = 0);
