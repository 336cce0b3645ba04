namespace Claims.Client.Board;

/// <summary>
/// Where pools post how many coupons they have left, so that API nodes can answer the catalog and
/// refuse claims on a sold-out pool without a grain call. A post is a hint, never a grant: only
/// the pool decides, and a node that has no post, or an old one, asks the pool.
/// </summary>
public interface IStockBoard
{
    /// <summary>Records (and, on a shared board, announces) a pool's counts.</summary>
    void Post(string poolKey, StockPost post);
}
