using System.Collections.Concurrent;

namespace Claims.Contracts.Claims;

/// <summary>
/// How API nodes send claims: the claims bound for the same quota grain that arrive while a call
/// to it is in flight go together in the next call. In the rush a node sends one call per quota
/// grain at a time, each carrying many residents, instead of a call per tap.
/// </summary>
public sealed class ClaimDispatcher(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, RequestBatcher<ResidentClaim, ClaimOutcome>> _lanes = new(StringComparer.Ordinal);

    public Task<ClaimOutcome> ClaimAsync(string campaignId, string scope, string userId, ClaimRequest request)
    {
        var lane = _lanes.GetOrAdd(GrainKeys.Quota(campaignId, userId, scope), key =>
        {
            var quota = grains.GetGrain<IQuotaGrain>(key);
            return new RequestBatcher<ResidentClaim, ClaimOutcome>(quota.ClaimAsync);
        });
        return lane.SendAsync(new(userId, request));
    }
}
