using System.Text.RegularExpressions;
using Claims.Contracts.Redemptions;

namespace Claims.Api.Redemptions;

public static partial class RedemptionValidation
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

        if (body.Documents is { } documents)
        {
            AddDocumentErrors(documents, errors);
        }

        return errors;
    }

    private static void AddDocumentErrors(RedemptionDocuments documents, Dictionary<string, string[]> errors)
    {
        if (documents.InvoiceNumber is { } invoice && !CampaignValidator.IsValidUserId(invoice))
        {
            errors["documents.invoiceNumber"] = ["The invoice number: 1-128 printable characters."];
        }

        if (documents.InvoiceAmount is { } amount && !CampaignValidator.IsValidAmount(amount))
        {
            errors["documents.invoiceAmount"] = [$"The invoice's amount in yuan: positive, at most 2 decimals, at most {CampaignValidator.MaxMoney}."];
        }

        if (documents.BuyerId is { } buyer && !CampaignValidator.IsValidUserId(buyer))
        {
            errors["documents.buyerId"] = ["The buyer's id as the invoice names it: 1-128 printable characters."];
        }

        if (documents.Vin is { } vin && !VinPattern().IsMatch(vin))
        {
            errors["documents.vin"] = ["The vehicle identification number: 17 characters of digits and capital letters other than I, O and Q."];
        }
    }

    [GeneratedRegex("^[A-HJ-NPR-Z0-9]{17}$")]
    private static partial Regex VinPattern();
}
