using Claims.Api.Auth;
using Claims.Api.Problems;
using Claims.Contracts.Redemptions;

namespace Claims.Api.Redemptions;

/// <summary>Operators reverse redemptions found fraudulent (seeds 001 and 003: the money is recovered).</summary>
public static class AdminReversalsApi
{
    public static RouteGroupBuilder MapAdminReversalsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/orders").RequireAuthorization(Roles.Operator).WithTags("Merchants");
        group.MapPost("/{merchantId}/{orderId}/reverse", ReverseAsync);
        return group;
    }

    private static async Task<Results<Ok<ReversalReceipt>, ProblemHttpResult>> ReverseAsync(string merchantId, string orderId, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(merchantId) || !OrderIds.IsValid(orderId))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidId, $"Merchant ids are 1-64 characters of a-z, 0-9, '-' and '_'. {OrderIds.Rule}");
        }

        return await grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchantId, orderId)).ReverseAsync() switch
        {
            null => ApiProblem.NotFound(ProblemCodes.OrderNotFound, $"Merchant '{merchantId}' has no redeemed order '{orderId}'."),
            { Receipt: { } receipt } => TypedResults.Ok(receipt),
            { RefundedBy: null } => RedemptionsApi.OrderRejected(orderId),
            _ => ApiProblem.Conflict(ProblemCodes.OrderRefunded, $"Order '{orderId}' of merchant '{merchantId}' was refunded; there is no redemption left to reverse."),
        };
    }
}
