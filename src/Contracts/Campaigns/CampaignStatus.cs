namespace Claims.Contracts.Campaigns;

/// <summary>Whether residents may claim: operators pause a campaign to stop every pool at once.</summary>
public enum CampaignStatus
{
    Active,
    Paused,
}
