using System.Globalization;
using Claims.Api.Auth;
using Claims.Api.Problems;
using Claims.Contracts.Reports;

namespace Claims.Api.Admin;

public static class AdminReportsApi
{
    public static RouteGroupBuilder MapAdminReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/campaigns/{campaignId}").RequireAuthorization(Roles.Operator).WithTags("Reports");
        group.MapGet("/report", (string campaignId, HttpRequest request, IGrainFactory grains) =>
            AnswerAsync(campaignId, request, grains, g => g.BuildAsync(), ReportCsv.Write));
        group.MapGet("/settlement", (string campaignId, HttpRequest request, IGrainFactory grains) =>
            AnswerAsync(campaignId, request, grains, g => g.SettleAsync(), ReportCsv.Write));
        group.MapGet("/reconciliation", (string campaignId, HttpRequest request, IGrainFactory grains) =>
            AnswerAsync(campaignId, request, grains, g => g.ReconcileAsync(), ReportCsv.Write));
        group.MapGet("/audit-sample", SampleAsync);
        return group;
    }

    // Always CSV, the form auditors take records in. Query values are parsed here so a bad one
    // gets the same problem details as any other bad input.
    private static async Task<IResult> SampleAsync(string campaignId, string? fraction, string? seed, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        var share = 0.1m;
        var draw = 0;
        if ((fraction is not null && (!decimal.TryParse(fraction, NumberStyles.Number, CultureInfo.InvariantCulture, out share) || share is <= 0 or > 1))
            || (seed is not null && !int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out draw)))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "fraction is a number above 0 and at most 1 (default 0.1); seed is a whole number (default 0).");
        }

        if (await grains.GetGrain<ICampaignReportGrain>(campaignId).SampleAsync(share, draw) is not { } records)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        return TypedResults.Text(ReportCsv.Write(records), "text/csv; charset=utf-8");
    }

    // JSON by default; CSV when the client asks for text/csv.
    private static async Task<IResult> AnswerAsync<T>(
        string campaignId, HttpRequest request, IGrainFactory grains, Func<ICampaignReportGrain, Task<T?>> build, Func<T, string> csv)
        where T : class
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        if (await build(grains.GetGrain<ICampaignReportGrain>(campaignId)) is not { } document)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        return request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            ? TypedResults.Text(csv(document), "text/csv; charset=utf-8")
            : TypedResults.Ok(document);
    }
}
