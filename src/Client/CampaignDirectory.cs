using System.Collections.Concurrent;

namespace Claims.Client;

/// <summary>
/// This process's copy of campaign definitions, compiled for the claim path: API nodes route
/// claims with it and quota grains read it, without a call to the campaign grain each time. A
/// copy older than <see cref="RefreshAfter"/> is read again in the background while the old one
/// goes on answering, and replaced when the campaign's revision has moved (a blacklist change, a
/// reallocation), so a change reaches every node within seconds. Stock is read from the pools,
/// never from here. Unknown ids are not remembered, so a campaign created later is found.
/// </summary>
public sealed class CampaignDirectory(IGrainFactory grains)
{
    /// <summary>How old a copy may be before it is read again.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<CampaignDefinition?> FindAsync(string campaignId) => (await FindRoutesAsync(campaignId))?.Campaign;

    public ValueTask<ClaimRoutes?> FindRoutesAsync(string campaignId)
    {
        if (!_entries.TryGetValue(campaignId, out var entry))
        {
            return LoadAsync(campaignId);
        }

        if (Environment.TickCount64 - entry.LoadedAt > RefreshAfter.TotalMilliseconds && Interlocked.Exchange(ref entry.Refreshing, 1) == 0)
        {
            _ = RefreshAsync(campaignId, entry);
        }

        return ValueTask.FromResult<ClaimRoutes?>(entry.Routes);
    }

    private async ValueTask<ClaimRoutes?> LoadAsync(string campaignId)
    {
        var snapshot = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        return snapshot is null ? null : _entries.GetOrAdd(campaignId, _ => new(new ClaimRoutes(snapshot.Definition), snapshot.Revision)).Routes;
    }

    private async Task RefreshAsync(string campaignId, Entry entry)
    {
        try
        {
            if (await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync() is { } snapshot)
            {
                // The same routes while nothing changed, so their readers keep what they derived from them.
                _entries[campaignId] = snapshot.Revision == entry.Revision
                    ? new(entry.Routes, entry.Revision)
                    : new(new ClaimRoutes(snapshot.Definition), snapshot.Revision);
            }
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            // Read again at the next lookup; the copy held goes on answering meanwhile.
            Volatile.Write(ref entry.Refreshing, 0);
        }
    }

    private sealed class Entry(ClaimRoutes routes, int revision)
    {
        public ClaimRoutes Routes { get; } = routes;

        public int Revision { get; } = revision;

        public long LoadedAt { get; } = Environment.TickCount64;

        // A field: Interlocked takes it by reference.
        public int Refreshing;
    }
}
