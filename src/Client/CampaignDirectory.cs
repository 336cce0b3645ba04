using System.Collections.Concurrent;

namespace Claims.Client;

/// <summary>
/// This process's copy of campaign definitions, compiled for the claim path: API nodes route
/// claims with it and quota grains read it when they activate, without a call to the campaign
/// grain each time. What routes a claim (coupon types, rounds, limits, regions) never changes once
/// a campaign is created. Reallocation does rewrite a round's stock in the definition, so a cached
/// copy's stock figures may be stale: stock is read from the pools, never from here. Unknown ids
/// are not remembered, so a campaign created later is found.
/// </summary>
public sealed class CampaignDirectory(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, ClaimRoutes> _routes = new(StringComparer.Ordinal);

    public async ValueTask<CampaignDefinition?> FindAsync(string campaignId) => (await FindRoutesAsync(campaignId))?.Campaign;

    public ValueTask<ClaimRoutes?> FindRoutesAsync(string campaignId) =>
        _routes.TryGetValue(campaignId, out var cached) ? ValueTask.FromResult<ClaimRoutes?>(cached) : LoadAsync(campaignId);

    private async ValueTask<ClaimRoutes?> LoadAsync(string campaignId)
    {
        var snapshot = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        return snapshot is null ? null : _routes.GetOrAdd(campaignId, _ => new ClaimRoutes(snapshot.Definition));
    }
}
