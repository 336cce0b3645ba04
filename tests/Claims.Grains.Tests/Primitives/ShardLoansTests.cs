using Claims.Grains.Pools;

namespace Claims.Grains.Tests.Primitives;

public sealed class ShardLoansTests
{
    [Fact]
    public void ATotalHeardTwiceOrLateChangesNothing()
    {
        var received = new RunningTotals<string>(StringComparer.Ordinal);

        Assert.Equal(5, received.Raise("p1", 5));
        Assert.Equal(0, received.Raise("p1", 5));
        Assert.Equal(3, received.Raise("p1", 8));
        Assert.Equal(0, received.Raise("p1", 6));
        Assert.Equal(2, received.Raise("p2", 2));

        Assert.Equal(8, received.Of("p1"));
        Assert.Equal(10, received.Sum);
    }

    [Fact]
    public void WhatAShardLendsAndBorrowsMovesItsStockByTheDifference()
    {
        var loans = new ShardLoans();

        Assert.Equal(4, loans.Lend(borrower: 1, more: 4));
        Assert.Equal(6, loans.Lend(borrower: 1, more: 2));
        Assert.Equal(10, loans.Borrowed(lender: 2, total: 10));

        // A lender's answer repeated, or overtaken by a later one, lends nothing more.
        Assert.Equal(0, loans.Borrowed(lender: 2, total: 10));
        Assert.Equal(0, loans.Borrowed(lender: 2, total: 7));

        Assert.Equal(6, loans.LentTo(1));
        Assert.Equal(4, loans.NetBorrowed);
    }

    [Fact]
    public void AnActivationTakesBackTheTotalsOfItsHistory()
    {
        var history = new PoolSnapshot();
        history.Lent[1] = 6;
        history.Borrowed[2] = 10;
        var loans = new ShardLoans();

        loans.Restore(history);

        Assert.Equal(6, loans.LentTo(1));
        Assert.Equal(4, loans.NetBorrowed);
        Assert.Equal(0, loans.Borrowed(lender: 2, total: 10));
    }
}
