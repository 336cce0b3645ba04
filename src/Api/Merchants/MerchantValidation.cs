namespace Claims.Api.Merchants;

public static class MerchantValidation
{
    private const int MaxNameLength = 200;
    private const int MaxIndustries = 20;

    public static Dictionary<string, string[]> Errors(MerchantBody? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is null)
        {
            errors["body"] = ["Send { id, name, industries, regionCode }."];
            return errors;
        }

        if (!CampaignValidator.IsValidId(body.Id))
        {
            errors["id"] = ["A merchant id is 1-64 characters of a-z, 0-9, '-' and '_'."];
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > MaxNameLength || body.Name.Any(char.IsControl))
        {
            errors["name"] = [$"A name is 1-{MaxNameLength} printable characters."];
        }

        if (body.Industries is not { Count: > 0 and <= MaxIndustries } industries
            || !industries.All(CampaignValidator.IsValidId)
            || industries.Distinct(StringComparer.Ordinal).Count() != industries.Count)
        {
            errors["industries"] = [$"1-{MaxIndustries} distinct industry ids ('any' for every industry)."];
        }

        if (body.Attributes is { } attributes && (attributes.Count > MaxIndustries || !attributes.All(CampaignValidator.IsValidId) || attributes.Distinct(StringComparer.Ordinal).Count() != attributes.Count))
        {
            errors["attributes"] = [$"Up to {MaxIndustries} distinct attribute ids (such as 'above-quota')."];
        }

        if (!CampaignValidator.IsValidRegionCode(body.RegionCode))
        {
            errors["regionCode"] = ["The region code the merchant trades in: 2 to 12 digits."];
        }

        return errors;
    }
}
