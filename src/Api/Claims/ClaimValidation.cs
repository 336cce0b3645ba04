
namespace Claims.Api.Claims;

public static class ClaimValidation
{
    public static Dictionary<string, string[]> Errors(ClaimBody? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is null)
        {
            errors["body"] = ["Send { couponTypeId, regionCode }."];
            return errors;
        }

        if (!CampaignValidator.IsValidId(body.CouponTypeId))
        {
            errors["couponTypeId"] = ["A coupon type id is 1-64 characters of a-z, 0-9, '-' and '_'."];
        }

        if (!CampaignValidator.IsValidRegionCode(body.RegionCode))
        {
            errors["regionCode"] = ["The resident's region code: 2 to 12 digits."];
        }

        return errors;
    }
}
