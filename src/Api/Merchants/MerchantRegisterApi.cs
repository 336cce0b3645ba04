using System.Globalization;
using Claims.Api.Admin;
using Claims.Api.Problems;
using Claims.Contracts.Merchants;

namespace Claims.Api.Merchants;

/// <summary>The merchant register for operators: every merchant, filtered by industry, region and status, as JSON or CSV.</summary>
public static class MerchantRegisterApi
{
    public static async Task<Results<Ok<Merchant[]>, ContentHttpResult, ProblemHttpResult>> ListAsync(
        HttpRequest request, IGrainFactory grains, string? industry = null, string? regionCode = null, string? status = null)
    {
        if ((industry is not null && !CampaignValidator.IsValidId(industry))
            || (regionCode is not null && !CampaignValidator.IsValidRegionCode(regionCode))
            || (status is not null && !Enum.TryParse<MerchantStatus>(status, ignoreCase: true, out _)))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "Filter by industry (an id), regionCode (2 to 12 digits; a prefix matches the regions under it) and status (pending, approved, suspended, banned).");
        }

        var wanted = status is null ? (MerchantStatus?)null : Enum.Parse<MerchantStatus>(status, ignoreCase: true);
        var merchants = (await grains.GetGrain<IMerchantRegisterGrain>(IMerchantRegisterGrain.Key).ListAsync())
            .Where(m => (industry is null || m.Industries.Contains(industry, StringComparer.Ordinal))
                && (regionCode is null || m.RegionCode.StartsWith(regionCode, StringComparison.Ordinal))
                && (wanted is null || m.Status == wanted))
            .ToArray();
        return request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            ? TypedResults.Text(Csv(merchants), "text/csv; charset=utf-8")
            : TypedResults.Ok(merchants);
    }

    // Merchants name themselves when they apply: a name a spreadsheet would run as a formula is
    // written as text.
    private static string Text(string name) => name.Length > 0 && "=+-@".Contains(name[0], StringComparison.Ordinal) ? $"'{name}" : name;

    private static string Csv(IEnumerable<Merchant> merchants)
    {
        var csv = new Csv().Row("id", "name", "industries", "regionCode", "status", "registeredAt", "lastChangeAt", "lastChangeBy", "held");
        foreach (var m in merchants)
        {
            var last = m.Steps is { Count: > 0 } steps ? steps[^1] : null;
            csv.Row(
                m.Id,
                Text(m.Name),
                string.Join(' ', m.Industries),
                m.RegionCode,
                m.Status.ToString().ToLowerInvariant(),
                m.RegisteredAt.ToString("O", CultureInfo.InvariantCulture),
                last?.At.ToString("O", CultureInfo.InvariantCulture) ?? "",
                last?.By ?? "",
                m.Held);
        }

        return csv.ToString();
    }
}
