namespace Claims.Grains.Pools;

/// <summary>
/// What one shard of a split pool has lent each sibling and borrowed from each, as running
/// totals: a lender stores its total before it answers, and the borrower keeps the largest it was
/// told, so a loan whose answer was lost is collected by the next call.
/// </summary>
internal sealed class ShardLoans
{
    private readonly RunningTotals<int> _lent = new();
    private readonly RunningTotals<int> _borrowed = new();

    /// <summary>Borrowed minus lent: what the loans add to this shard's stock (negative for a net lender).</summary>
    public int NetBorrowed => _borrowed.Sum - _lent.Sum;

    public int LentTo(int borrower) => _lent.Of(borrower);

    /// <summary>Lends <paramref name="more"/> coupons to <paramref name="borrower"/>; returns the new total lent to it.</summary>
    public int Lend(int borrower, int more)
    {
        _lent.Raise(borrower, LentTo(borrower) + more);
        return LentTo(borrower);
    }

    /// <summary>
    /// Records the total <paramref name="lender"/> says it has lent here; returns what that adds
    /// to what this shard knew (0 for a total already known or older).
    /// </summary>
    public int Borrowed(int lender, int total) => _borrowed.Raise(lender, total);

    /// <summary>Takes the totals an activation read back from the pool's snapshot and journal.</summary>
    public void Restore(PoolSnapshot history)
    {
        foreach (var (borrower, total) in history.Lent)
        {
            _lent.Raise(borrower, total);
        }

        foreach (var (lender, total) in history.Borrowed)
        {
            _borrowed.Raise(lender, total);
        }
    }
}
