using System.Collections.Concurrent;
using Claims.Contracts.Draws;
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
    private readonly ConcurrentDictionary<string, RequestBatcher<ResidentClaim, RegistrationOutcome>> _quotaRegistrations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RequestBatcher<PoolGrantRequest, RegistrationOutcome>> _poolRegistrations = new(StringComparer.Ordinal);

    public Task<ClaimOutcome> ClaimAsync(ClaimRoutes campaign, string userId, ClaimRequest request)
    {
        if (campaign.Find(request.CouponTypeId) is not { } couponType)
        {
            return Task.FromResult(ClaimOutcome.Refused(ClaimRefusal.UnknownCouponType));
        }

        return couponType.CouponType.MemberList is { } list
            ? MembersOnlyAsync(campaign, list, userId, () => RouteAsync(campaign, couponType, userId, request), ClaimOutcome.Refused(ClaimRefusal.NotOnList))
            : RouteAsync(campaign, couponType, userId, request);
    }

    /// <summary>
    /// Registers the resident for the draw of the coupon type taking registrations: straight at the
    /// pool when it decides claims alone (it has granted nothing a limit could count yet), else
    /// through the resident's quota grain, which checks the limits first.
    /// </summary>
    public Task<RegistrationOutcome> RegisterAsync(ClaimRoutes campaign, string userId, ClaimRequest request)
    {
        if (campaign.Find(request.CouponTypeId) is not { } couponType)
        {
            return Task.FromResult(RegistrationOutcome.Refused(ClaimRefusal.UnknownCouponType));
        }

        return couponType.CouponType.MemberList is { } list
            ? MembersOnlyAsync(campaign, list, userId, () => RegisterRouteAsync(campaign, couponType, userId, request), RegistrationOutcome.Refused(ClaimRefusal.NotOnList))
            : RegisterRouteAsync(campaign, couponType, userId, request);
    }

    private async Task<T> MembersOnlyAsync<T>(ClaimRoutes campaign, string listId, string userId, Func<Task<T>> listed, T notListed) =>
        await grains.GetGrain<IMemberShardGrain>(MemberShards.ShardOf(campaign.Campaign.Id, listId, userId)).ContainsAsync(userId)
            ? await listed()
            : notListed;

    private Task<RegistrationOutcome> RegisterRouteAsync(ClaimRoutes campaign, CouponTypeRoute couponType, string userId, ClaimRequest request)
    {
        if (couponType.RegistrationRound(time.GetUtcNow()) is not { Direct: true } round)
        {
            var holder = campaign.Campaign.LimitHolderOf(userId, request.PersonId);
            var key = GrainKeys.Quota(campaign.Campaign.Id, holder, couponType.QuotaScope, campaign.Campaign.QuotaGrains);
            return _quotaRegistrations.GetOrAdd(key, k => new(grains.GetGrain<IQuotaGrain>(k).RegisterAsync)).SendAsync(new(userId, request));
        }

        return campaign.Ineligible(userId, request.RegionCode) is { } refusal
            ? Task.FromResult(RegistrationOutcome.Refused(refusal))
            : _poolRegistrations.GetOrAdd(round.PoolKeyFor(userId), k =>
            {
                var pool = grains.GetGrain<IPoolGrain>(k);
                return new(requests => pool.RegisterAsync(requests).AsTask());
            }).SendAsync(new(userId, request.RequestKey, PoolGrantRequest.Direct, request.RegionCode));
    }

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
