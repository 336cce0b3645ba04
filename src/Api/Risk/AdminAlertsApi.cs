using System.Security.Claims;
using Claims.Api.Auth;
using Claims.Api.Problems;
using Claims.Contracts.Merchants;
using Claims.Contracts.Risk;

namespace Claims.Api.Risk;

/// <summary>The alerts risk control raised, and suspending a merchant from one.</summary>
public static class AdminAlertsApi
{
    public static IEndpointRouteBuilder MapAdminAlertsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/alerts").RequireAuthorization(Roles.Operator).WithTags("Risk");
        group.MapGet("/", async (string? merchantId, string? campaignId, IGrainFactory grains) =>
        {
            var alerts = await grains.GetGrain<IAlertBookGrain>(IAlertBookGrain.Key).ListAsync();
            return TypedResults.Ok(alerts.Where(a => (merchantId is null || a.MerchantId == merchantId) && (campaignId is null || a.CampaignId == campaignId)).ToList());
        });
        group.MapPost("/{alertId}/suspend", SuspendAsync);
        return routes;
    }

    // Suspending twice, or a merchant an operator already suspended, answers the alert as acted on.
    private static async Task<Results<Ok<RiskAlert>, ProblemHttpResult>> SuspendAsync(string alertId, IGrainFactory grains, TimeProvider time, ClaimsPrincipal user)
    {
        var book = grains.GetGrain<IAlertBookGrain>(IAlertBookGrain.Key);
        if (await book.FindAsync(alertId) is not { } alert)
        {
            return ApiProblem.NotFound(ProblemCodes.AlertNotFound, $"No alert '{alertId}'.");
        }

        var change = await grains.GetGrain<IMerchantGrain>(alert.MerchantId).SuspendAsync(user.Subject());
        if (!change.Applied && change.Merchant?.Status != MerchantStatus.Suspended)
        {
            return ApiProblem.Conflict(ProblemCodes.InvalidTransition, $"Merchant '{alert.MerchantId}' cannot be suspended from its status {change.Merchant?.Status}.");
        }

        return TypedResults.Ok((await book.MarkSuspendedAsync(alertId, time.GetUtcNow()))!);
    }
}
