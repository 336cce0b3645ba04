using System.Text.RegularExpressions;
using Claims.Api.Campaigns;

namespace Claims.Api.Claims;

public static partial class ClaimValidation
{
    public static Dictionary<string, string[]> Errors(ClaimBody? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is null)
        {
            errors["body"] = ["Send { couponTypeId, regionCode }."];
            return errors;
        }

        if (!CampaignIds.IsValid(body.CouponTypeId))
        {
            errors["couponTypeId"] = ["A coupon type id is 1-64 characters of a-z, 0-9, '-' and '_'."];
        }

        if (body.RegionCode is null || !RegionCode().IsMatch(body.RegionCode))
        {
            errors["regionCode"] = ["The resident's region code: 2 to 12 digits."];
        }

        return errors;
    }

    [GeneratedRegex("^[0-9]{2,12}$")]
    private static partial Regex RegionCode();
}
