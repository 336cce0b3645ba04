using System.Security.Claims;
using Claims.Api.Auth;
using Claims.Api.Problems;
using Claims.Client.Telemetry;
using Claims.Contracts.Redemptions;

namespace Claims.Api.Redemptions;

public static class RedemptionsApi
{
    public static RouteGroupBuilder MapRedemptionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/redemptions").RequireAuthorization(Roles.Merchant).WithTags("Redemptions");
        group.MapPost("/", RedeemAsync);
        group.MapPost("/{orderId}/refund", RefundAsync);
        return group;
    }

    private static async Task<Results<Ok<RedemptionReceipt>, ProblemHttpResult>> RedeemAsync(RedemptionBody body, ClaimsPrincipal user, IGrainFactory grains, ClaimsMetrics metrics)
    {
        if (RedemptionValidation.Errors(body) is { Count: > 0 } errors)
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "The redemption is incomplete or malformed.", errors);
        }

        // A merchant id that could not have been registered cannot be approved either.
        var merchantId = user.Subject();
        var outcome = CampaignValidator.IsValidId(merchantId)
            ? await grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchantId, body.OrderId!))
                .RedeemAsync(new(body.CouponId!, body.UserId!, body.OrderAmount!.Value, body.RegionCode!, body.Documents))
            : RedemptionOutcome.Refused(RedemptionRefusal.MerchantNotApproved);
        metrics.Redemption(outcome.Refusal is { } refused ? RedemptionRefusalCodes.Code(refused) : "redeemed");
        return outcome switch
        {
            { Receipt: { } receipt } => TypedResults.Ok(receipt),
            { Refusal: { } refusal } => ApiProblem.Create(RedemptionRefusalCodes.Status(refusal), RedemptionRefusalCodes.Code(refusal), RedemptionRefusalCodes.Detail(refusal)),
            _ => throw new InvalidOperationException("A redemption outcome has a receipt or a refusal."),
        };
    }

    private static async Task<Results<Ok<RefundReceipt>, ProblemHttpResult>> RefundAsync(string orderId, ClaimsPrincipal user, IGrainFactory grains, ClaimsMetrics metrics)
    {
        if (!OrderIds.IsValid(orderId))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidId, OrderIds.Rule);
        }

        // Orders are keyed by the merchant, so another merchant's order is simply not found.
        var merchantId = user.Subject();
        var refund = CampaignValidator.IsValidId(merchantId)
            ? await grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchantId, orderId)).RefundAsync()
            : null;
        metrics.Refund(refund switch
        {
            null => ProblemCodes.OrderNotFound,
            { Receipt: null, ReversedBy: null } => ProblemCodes.OrderRejected,
            { Receipt: null } => ProblemCodes.OrderReversed,
            _ => "refunded",
        });
        return refund switch
        {
            null => ApiProblem.NotFound(ProblemCodes.OrderNotFound, $"You have no redeemed order '{orderId}'."),
            { Receipt: { } receipt } => TypedResults.Ok(receipt),
            { ReversedBy: null } => OrderRejected(orderId),
            _ => ApiProblem.Conflict(ProblemCodes.OrderReversed, $"Order '{orderId}' was reversed as fraudulent; its discount is no longer yours to refund."),
        };
    }

    /// <summary>A rejected review undid the order's redemption: there is nothing left to refund or reverse.</summary>
    public static ProblemHttpResult OrderRejected(string orderId) =>
        ApiProblem.Conflict(ProblemCodes.OrderRejected, $"Order '{orderId}' was rejected in review; its coupon was taken off it then.");
}
