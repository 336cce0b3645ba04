using Claims.Client.Board;

namespace Claims.Grains.Pools;

// The pool posts its counts to the stock board after every change appended to its journal that moves them. A post
// is a dictionary write in this process; a board shared across nodes decides how often to pass
// them on.
public sealed partial class PoolGrain
{
    private StockPost? _posted;

    private StockPost Counts => new(_stock, _rolledIn, _closure is not null ? 0 : Capacity - _book.Granted);

    private void PostCounts()
    {
        var counts = Counts;
        if (counts != _posted)
        {
            board.Post(this.GetPrimaryKeyString(), counts);
            _posted = counts;
        }
    }
}
