namespace Claims.Grains.Pools;

/// <summary>Everything one shard of a split pool has lent another so far, as the lender or the borrower records it.</summary>
[GenerateSerializer, Immutable, Alias("claims.loan-total")]
public sealed record LoanTotal(int Sibling, int Total);
