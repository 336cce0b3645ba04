using System.Text.RegularExpressions;

namespace Claims.Api.Campaigns;

/// <summary>The id format shared by campaigns, rounds, coupon types and funds.</summary>
public static partial class CampaignIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex Pattern();
}
