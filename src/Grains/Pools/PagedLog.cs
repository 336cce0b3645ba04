using Orleans.Storage;

namespace Claims.Grains.Pools;

/// <summary>
/// The sealed pages of one of a pool's logs, each a storage row named <c>{prefix}-N</c> beside the
/// pool's own state. Sealing full pages keeps the state the pool writes on every change small
/// however many coupons it has granted.
/// </summary>
internal sealed class PagedLog<T>(IGrainStorage storage, GrainId poolId, string prefix)
{
    public const int PageSize = 64;

    public async Task<IReadOnlyList<T>> ReadAsync(int pages)
    {
        var read = await Task.WhenAll(Enumerable.Range(0, pages).Select(async page =>
        {
            var state = new GrainState<LogPage<T>>(new LogPage<T>());
            await storage.ReadStateAsync(Name(page), poolId, state);
            return state.State?.Items ?? [];
        }));
        return [.. read.SelectMany(items => items)];
    }

    public async Task WriteAsync(int page, List<T> items)
    {
        // A crash between writing a page and recording it in the pool's state leaves the row
        // behind; it is read for its version and overwritten with the same entries.
        var state = new GrainState<LogPage<T>>(new LogPage<T>());
        await storage.ReadStateAsync(Name(page), poolId, state);
        state.State = new LogPage<T> { Items = items };
        await storage.WriteStateAsync(Name(page), poolId, state);
    }

    private string Name(int page) => $"{prefix}-{page}";
}
