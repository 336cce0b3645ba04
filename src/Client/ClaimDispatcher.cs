using System.Collections.Concurrent;
using Claims.Contracts.Members;

namespace Claims.Client;

/// <summary>
/// How API nodes send claims: straight to the pool when it can decide them alone (see
/// <see cref="RoundRoute.Direct"/>), else to the resident's quota grain. Claims bound for the same
/// grain that arrive while a call to it is in flight go together in the next call: in the rush a
/// node sends one call per grain at a time, each carrying many residents, instead of a call per tap.
/// A members-only type's claim first asks the member list's shard that holds the resident.
/// </summary>
public sealed class ClaimDispatcher(IGrainFactory grains, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RequestBatcher<ResidentClaim, ClaimOutcome>> _quotas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RequestBatcher<PoolGrantRequest, ClaimOutcome>> _pools = new(StringComparer.Ordinal);

    public Task<ClaimOutcome> ClaimAsync(ClaimRoutes campaign, string userId, ClaimRequest request)
    {
        if (campaign.Find(request.CouponTypeId) is not { } couponType)
        {
            return Task.FromResult(ClaimOutcome.Refused(ClaimRefusal.UnknownCouponType));
        }

        return couponType.CouponType.MemberList is { } list
            ? MemberClaimAsync(campaign, couponType, list, userId, request)
            : RouteAsync(campaign, couponType, userId, request);
    }

    private async Task<ClaimOutcome> MemberClaimAsync(ClaimRoutes campaign, CouponTypeRoute couponType, string listId, string userId, ClaimRequest request) =>
        await grains.GetGrain<IMemberShardGrain>(MemberShards.ShardOf(campaign.Campaign.Id, listId, userId)).ContainsAsync(userId)
            ? await RouteAsync(campaign, couponType, userId, request)
            : ClaimOutcome.Refused(ClaimRefusal.NotOnList);

    private Task<ClaimOutcome> RouteAsync(ClaimRoutes campaign, CouponTypeRoute couponType, string userId, ClaimRequest request)
    {
        // Outside an open round the quota grain answers: a replay there still gets its coupon.
        if (couponType.OpenRound(time.GetUtcNow()) is not { Direct: true } round)
        {
            var holder = campaign.Campaign.LimitHolderOf(userId, request.PersonId);
            return QuotaLane(GrainKeys.Quota(campaign.Campaign.Id, holder, couponType.QuotaScope, campaign.Campaign.QuotaGrains)).SendAsync(new(userId, request));
        }

        // The pool checks what it holds; who may claim at all is the campaign's to say.
        return campaign.Ineligible(userId, request.RegionCode) is { } refusal
            ? Task.FromResult(ClaimOutcome.Refused(refusal))
            : PoolLane(round.PoolKeyFor(userId)).SendAsync(new(userId, request.RequestKey, PoolGrantRequest.Direct, request.RegionCode));
    }

    private RequestBatcher<ResidentClaim, ClaimOutcome> QuotaLane(string key) =>
        _quotas.GetOrAdd(key, k => new(grains.GetGrain<IQuotaGrain>(k).ClaimAsync));

    private RequestBatcher<PoolGrantRequest, ClaimOutcome> PoolLane(string key) =>
        _pools.GetOrAdd(key, k =>
        {
            var pool = grains.GetGrain<IPoolGrain>(k);
            return new(requests => pool.GrantAsync(requests).AsTask());
        });
}
