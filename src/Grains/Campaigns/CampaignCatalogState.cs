namespace Claims.Grains.Campaigns;

[GenerateSerializer, Alias("claims.campaign-catalog-state")]
public sealed class CampaignCatalogState
{
    [Id(0)]
    public SortedSet<string> CampaignIds { get; set; } = new(StringComparer.Ordinal);
}
