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
        return group;
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
