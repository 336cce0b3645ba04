namespace Claims.Api.Claims;

public static class ClaimValidation
{
    /// <summary>What is wrong with the claim, field by field; null when nothing is.</summary>
    public static Dictionary<string, string[]>? Errors(ClaimBody? body)
    {
        if (body is null)
        {
            return new() { ["body"] = ["Send { couponTypeId, regionCode }."] };
        }

        var validType = CampaignValidator.IsValidId(body.CouponTypeId);
        var validRegion = CampaignValidator.IsValidRegionCode(body.RegionCode);
        if (validType && validRegion)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        if (!validType)
        {
            errors["couponTypeId"] = ["A coupon type id is 1-64 characters of a-z, 0-9, '-' and '_'."];
        }

        if (!validRegion)
        {
            errors["regionCode"] = ["The resident's region code: 2 to 12 digits."];
        }

        return errors;
    }
}
