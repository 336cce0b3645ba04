namespace Claims.Contracts.Campaigns;

/// <summary>
/// A campaign, keyed by its id: holds the validated definition and whether it is paused. Pools and
/// quota grains read the definition when they activate; a pause is pushed to every pool.
/// </summary>
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>Validates and stores a definition; the same definition sent again is accepted as a retry.</summary>
    Task<CampaignCreation> CreateAsync(CampaignDefinition definition);

    /// <summary>The campaign, or null when no campaign has this id.</summary>
    [AlwaysInterleave]
    Task<CampaignSnapshot?> GetAsync();

    /// <summary>Stops claims in every pool of the campaign until <see cref="ResumeAsync"/>; null when unknown.</summary>
    Task<CampaignSnapshot?> PauseAsync();

    /// <summary>Lets claims through again; null when unknown.</summary>
    Task<CampaignSnapshot?> ResumeAsync();
}
