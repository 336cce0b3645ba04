namespace Claims.Contracts.Campaigns;

/// <summary>The list of campaign ids (a single grain, key <see cref="Key"/>), so campaigns can be enumerated.</summary>
public interface ICampaignCatalogGrain : IGrainWithStringKey
{
    public const string Key = "catalog";

    /// <summary>Adds a campaign id; adding it twice is harmless.</summary>
    Task RegisterAsync(string campaignId);

    /// <summary>Every registered campaign id, in order.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListAsync();
}
