namespace Claims.Api.Redemptions;

public static class RedemptionValidation
{
    private const int MaxCouponIdLength = 300;

    public static Dictionary<string, string[]> Errors(RedemptionBody? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is null)
        {
            errors["body"] = ["Send { couponId, userId, orderId, orderAmount, regionCode }."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(body.CouponId) || body.CouponId.Length > MaxCouponIdLength)
        {
            errors["couponId"] = ["The coupon's id, as the resident's wallet shows it."];
        }

        if (!CampaignValidator.IsValidUserId(body.UserId))
        {
            errors["userId"] = ["The resident presenting the coupon: 1-128 printable characters."];
        }

        if (!OrderIds.IsValid(body.OrderId))
        {
            errors["orderId"] = [OrderIds.Rule];
        }

        if (body.OrderAmount is not { } amount || !CampaignValidator.IsValidAmount(amount))
        {
            errors["orderAmount"] = [$"The order's amount in yuan: positive, at most 2 decimals, at most {CampaignValidator.MaxMoney}."];
        }

        if (!CampaignValidator.IsValidRegionCode(body.RegionCode))
        {
            errors["regionCode"] = ["The resident's region code: 2 to 12 digits."];
        }

        return errors;
    }
}
