using Claims.Api.Auth;
using Claims.Api.Problems;
using Claims.Contracts.Reports;

namespace Claims.Api.Admin;

public static class AdminReportsApi
{
    public static RouteGroupBuilder MapAdminReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/campaigns/{campaignId}").RequireAuthorization(Roles.Operator).WithTags("Reports");
        group.MapGet("/report", ReportAsync);
        return group;
    }

    // JSON by default; CSV when the client asks for text/csv.
    private static async Task<IResult> ReportAsync(string campaignId, HttpRequest request, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        if (await grains.GetGrain<ICampaignReportGrain>(campaignId).BuildAsync() is not { } report)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        return request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            ? TypedResults.Text(ReportCsv.Write(report), "text/csv; charset=utf-8")
            : TypedResults.Ok(report);
    }
}
