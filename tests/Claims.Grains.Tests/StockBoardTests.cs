using Claims.Client.Board;

namespace Claims.Grains.Tests;

public sealed class StockBoardTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    [Fact]
    public void AnAnswerOvertakenByThePoolsOwnPostDoesNotHideIt()
    {
        var clock = new ShiftedClock();
        var board = new ProcessStockBoard(clock);
        var askedAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMilliseconds(10));

        // The pool posts its last grant while its earlier answer is still on the way back.
        board.Post("pool", new StockPost(100, 0, Remaining: 0));
        board.Answered("pool", new StockPost(100, 0, Remaining: 1), askedAt);

        Assert.Equal(0, board.Find("pool", MaxAge)?.Remaining);
        Assert.True(board.SoldOut("pool", MaxAge));
    }

    [Fact]
    public void AnAnswerReplacesAPostOlderThanTheQuestion()
    {
        var clock = new ShiftedClock();
        var board = new ProcessStockBoard(clock);
        board.Post("pool", new StockPost(100, 0, Remaining: 40));
        clock.Advance(MaxAge * 2);

        Assert.Null(board.Find("pool", MaxAge));
        board.Answered("pool", new StockPost(100, 0, Remaining: 12), askedAt: clock.GetUtcNow());

        Assert.Equal(12, board.Find("pool", MaxAge)?.Remaining);
    }
}
