namespace Claims.Contracts.Reports;

/// <summary>
/// One fund's account: its budget, what it pays merchants, what it holds back from suspended or
/// banned merchants, and the leftover to return to the treasury (budget − paid − held). Funds are
/// never mixed: each merchant is paid per fund. <see cref="Released"/> and <see cref="Reversed"/>
/// sum the merchants'.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.fund-settlement")]
public sealed record FundSettlement(string Fund, decimal Budget, decimal Paid, decimal Leftover, decimal Held = 0, decimal Released = 0, decimal Reversed = 0);
