using Claims.Contracts.Claims;

namespace Claims.Contracts.Pools;

/// <summary>
/// The stock of one coupon type in one round, key from <see cref="GrainKeys.Pool"/>. Grants are
/// durable before they are answered and recorded with their owner and request key, so a quota
/// grain can always recover them.
/// </summary>
public interface IPoolGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes one coupon per request (or returns the one a request already obtained), answering in
    /// the order asked, once every grant in the batch is durable. Quota grains send their
    /// residents' requests in batches, so a rush costs a few calls per pool instead of one a claim.
    /// </summary>
    ValueTask<IReadOnlyList<ClaimOutcome>> GrantAsync(IReadOnlyList<PoolGrantRequest> requests);

    /// <summary>
    /// The coupons of every resident of quota shard <paramref name="shard"/> from this pool.
    /// <paramref name="fence"/> identifies the calling quota activation: from now on the pool
    /// refuses grants for that shard sent by any older activation.
    /// </summary>
    Task<IReadOnlyList<Coupon>> SyncShardAsync(int shard, Guid fence);

    /// <summary>Stock, granted and remaining counts.</summary>
    [AlwaysInterleave]
    ValueTask<PoolStock> GetStockAsync();

    /// <summary>Sets whether the campaign is paused; pushed by the campaign grain.</summary>
    Task SetPausedAsync(bool paused);
}
