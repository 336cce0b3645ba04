using Orleans.Storage;

namespace Claims.Grains.Pools;

/// <summary>
/// A pool's sealed pages of grants, each a storage row named <c>pool-page-N</c> beside the pool's
/// own state. Sealing full pages keeps the state the pool writes on every grant small however many
/// coupons it has granted.
/// </summary>
internal sealed class PoolPages(IGrainStorage storage, GrainId poolId)
{
    public const int PageSize = 256;

    public async Task<IReadOnlyList<PoolGrant>> ReadAsync(int pages)
    {
        var read = await Task.WhenAll(Enumerable.Range(0, pages).Select(async page =>
        {
            var state = new GrainState<PoolPage>(new PoolPage());
            await storage.ReadStateAsync(Name(page), poolId, state);
            return state.State?.Grants ?? [];
        }));
        return [.. read.SelectMany(g => g)];
    }

    public async Task WriteAsync(int page, List<PoolGrant> grants)
    {
        // A crash between writing a page and recording it in the pool's state leaves the row
        // behind; it is read for its version and overwritten with the same grants.
        var state = new GrainState<PoolPage>(new PoolPage());
        await storage.ReadStateAsync(Name(page), poolId, state);
        state.State = new PoolPage { Grants = grants };
        await storage.WriteStateAsync(Name(page), poolId, state);
    }

    private static string Name(int page) => $"pool-page-{page}";
}
