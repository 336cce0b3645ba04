using System.Collections.Concurrent;

namespace Claims.Api.Campaigns;

/// <summary>
/// The API node's copy of campaign definitions, to route a claim to its quota grain without asking
/// the campaign grain each time. A definition never changes once created, so the copy never goes stale.
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
