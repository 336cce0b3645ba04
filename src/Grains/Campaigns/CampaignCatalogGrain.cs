namespace Claims.Grains.Campaigns;

public sealed class CampaignCatalogGrain(
    [PersistentState("campaign-catalog", StorageNames.Claims)] IPersistentState<CampaignCatalogState> state)
    : Grain, ICampaignCatalogGrain
{
    public async Task RegisterAsync(string campaignId)
    {
        if (state.State.CampaignIds.Add(campaignId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.CampaignIds]);
}
