using System.Security.Claims;
using Claims.Api.Auth;
using Claims.Api.Problems;
using Claims.Contracts.Redemptions;

namespace Claims.Api.Redemptions;

/// <summary>
/// Operators review big-ticket redemptions (001#5, 002, 003): list them with their documents,
/// approve them for settlement, or reject them, which gives the coupon back to the resident while
/// it is valid.
/// </summary>
public static class AdminReviewsApi
{
    public static RouteGroupBuilder MapAdminReviewsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/campaigns/{campaignId}/reviews").RequireAuthorization(Roles.Operator).WithTags("Merchants");
        group.MapGet("/", ListAsync);
        group.MapPost("/{merchantId}/{orderId}/approve", (string campaignId, string merchantId, string orderId, ReviewBody? body, IGrainFactory grains, CampaignDirectory campaigns, ClaimsPrincipal user) =>
            DecideAsync(campaignId, new(merchantId, orderId, Approve: true, user.Subject(), body?.Reason), body, grains, campaigns));
        group.MapPost("/{merchantId}/{orderId}/reject", (string campaignId, string merchantId, string orderId, ReviewBody? body, IGrainFactory grains, CampaignDirectory campaigns, ClaimsPrincipal user) =>
            DecideAsync(campaignId, new(merchantId, orderId, Approve: false, user.Subject(), body?.Reason), body, grains, campaigns));
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<RedemptionReview>>, ProblemHttpResult>> ListAsync(string campaignId, string? status, IGrainFactory grains, CampaignDirectory campaigns)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        ReviewStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ReviewStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, $"status is one of {string.Join(", ", Enum.GetNames<ReviewStatus>().Select(n => n.ToLowerInvariant()))}.");
            }

            wanted = parsed;
        }

        return await campaigns.FindAsync(campaignId) is null
            ? ApiProblem.CampaignNotFound(campaignId)
            : TypedResults.Ok(await grains.GetGrain<IReviewBookGrain>(campaignId).ListAsync(wanted));
    }

    private static async Task<Results<Ok<RedemptionReview>, ProblemHttpResult>> DecideAsync(
        string campaignId, ReviewDecision decision, ReviewBody? body, IGrainFactory grains, CampaignDirectory campaigns)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        if (!CampaignValidator.IsValidId(decision.MerchantId) || !OrderIds.IsValid(decision.OrderId))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidId, $"Merchant ids are 1-64 characters of a-z, 0-9, '-' and '_'. {OrderIds.Rule}");
        }

        if (body is { IsValid: false } || (!decision.Approve && body?.Reason is null))
        {
            return ApiProblem.BadRequest(ProblemCodes.ReasonRequired, $"Send {{ reason }}: 1-{ReviewBody.MaxReasonLength} printable characters, required to reject.");
        }

        if (await campaigns.FindAsync(campaignId) is null)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        var wanted = decision.Approve ? ReviewStatus.Approved : ReviewStatus.Rejected;
        return await grains.GetGrain<IReviewBookGrain>(campaignId).DecideAsync(decision) switch
        {
            null => ApiProblem.NotFound(ProblemCodes.ReviewNotFound, $"Campaign '{campaignId}' has no review of order '{decision.OrderId}' of merchant '{decision.MerchantId}'."),
            { Status: var status } review when status == wanted => TypedResults.Ok(review),
            { Status: ReviewStatus.Pending } => ApiProblem.Conflict(ProblemCodes.NotRedeemedYet, "The order's redemption has not reached its coupon's pool: the till has not finished it."),
            { Status: ReviewStatus.Withdrawn } => ApiProblem.Conflict(ProblemCodes.ReviewDecided, "The order was refunded or reversed before its review: there is nothing to decide."),
            { Status: var status } => ApiProblem.Conflict(ProblemCodes.ReviewDecided, $"The review was already decided: {status.ToString().ToLowerInvariant()}."),
        };
    }
}
