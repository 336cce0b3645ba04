namespace Claims.Api.Campaigns;

public sealed record CatalogCampaign(
    string Id,
    string Name,
    string? Description,
    CampaignStatus Status,
    string TimeZone,
    IReadOnlyList<string> Regions,
    IReadOnlyList<CatalogCouponType> CouponTypes);
