namespace Claims.Contracts.Campaigns;

/// <summary>How a create ended.</summary>
public enum CampaignCreationResult
{
    Created,
    /// <summary>The identical definition already exists: a retried create is not an error.</summary>
    AlreadyExists,
    /// <summary>Another definition already uses this id.</summary>
    Conflict,
    Invalid,
}
