using Claims.Contracts.Claims;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// A campaign definition compiled for the claim path: coupon types by id, each with its rounds'
/// pools and whether they decide claims alone, the blacklist as a set. Built once per definition,
/// so a claim costs lookups, not scans of the definition.
/// </summary>
public sealed class ClaimRoutes
{
    private readonly Dictionary<string, CouponTypeRoute> _types;
    private readonly HashSet<string> _blacklist;

    public ClaimRoutes(CampaignDefinition campaign)
    {
        Campaign = campaign;
        _types = campaign.CouponTypes.ToDictionary(t => t.Id, t => new CouponTypeRoute(campaign, t), StringComparer.Ordinal);
        _blacklist = new HashSet<string>(campaign.Blacklist ?? [], StringComparer.Ordinal);
    }

    public CampaignDefinition Campaign { get; }

    public CouponTypeRoute? Find(string couponTypeId) => _types.GetValueOrDefault(couponTypeId);

    /// <summary>Why the resident may not claim from this campaign at all, or null: the blacklist, then the region.</summary>
    public ClaimRefusal? Ineligible(string userId, string regionCode) =>
        _blacklist.Contains(userId) ? ClaimRefusal.Blacklisted
        : !Campaign.AdmitsRegion(regionCode) ? ClaimRefusal.RegionNotEligible
        : null;
}
