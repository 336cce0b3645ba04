namespace Claims.Contracts.Reports;

/// <summary>
/// One fund's account: its budget, what it pays merchants, and the leftover to return to the
/// treasury (budget − paid). Funds are never mixed: each merchant is paid per fund.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.fund-settlement")]
public sealed record FundSettlement(string Fund, decimal Budget, decimal Paid, decimal Leftover);
