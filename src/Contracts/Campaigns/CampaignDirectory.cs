using System.Collections.Concurrent;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// This process's copy of campaign definitions: API nodes route claims with it and quota grains
/// read it when they activate, without a call to the campaign grain each time. A definition never
/// changes once created, so the copy never goes stale; unknown ids are not remembered, so a
/// campaign created later is found.
/// </summary>
public sealed class CampaignDirectory(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, CampaignDefinition> _definitions = new(StringComparer.Ordinal);

    public async ValueTask<CampaignDefinition?> FindAsync(string campaignId)
    {
        if (_definitions.TryGetValue(campaignId, out var cached))
        {
            return cached;
        }

        var snapshot = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        return snapshot is null ? null : _definitions.GetOrAdd(campaignId, snapshot.Definition);
    }
}
