using Claims.Api.Auth;
using Claims.Api.Claims;
using Claims.Api.Problems;

namespace Claims.Api.Admin;

/// <summary>Operators' changes to a campaign's stock: list grants and the late reallocation between coupon types.</summary>
public static class AdminStockApi
{
    private const int MaxListSize = 10_000;

    public static RouteGroupBuilder MapAdminStockApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/campaigns/{campaignId}").RequireAuthorization(Roles.Operator).WithTags("Admin");
        group.MapPost("/grants", GrantAsync);
        group.MapPut("/rounds/{roundId}/stock", ReallocateAsync);
        return group;
    }

    private static async Task<Results<Ok<ListGrantView>, ProblemHttpResult>> GrantAsync(
        string campaignId, ListGrantBody body, IGrainFactory grains, CampaignDirectory campaigns, TimeProvider time)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        if (!CampaignValidator.IsValidId(body.CouponTypeId)
            || body.UserIds is not { Count: > 0 and <= MaxListSize } userIds
            || !userIds.All(CampaignValidator.IsValidUserId)
            || userIds.Distinct(StringComparer.Ordinal).Count() != userIds.Count)
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, $"Send {{ couponTypeId, userIds }} with 1-{MaxListSize} distinct resident ids.");
        }

        if (await campaigns.FindAsync(campaignId) is not { } campaign)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        if (campaign.FindCouponType(body.CouponTypeId!) is not { } couponType)
        {
            return ApiProblem.NotFound(ProblemCodes.CouponTypeNotFound, $"Campaign '{campaignId}' has no coupon type '{body.CouponTypeId}'.");
        }

        if (!couponType.ListOnly)
        {
            return ApiProblem.Conflict(ProblemCodes.NotListOnly, $"'{couponType.Id}' is claimed by residents, not granted to a list.");
        }

        if (campaign.OpenRound(couponType.Id, time.GetUtcNow()) is not { } round)
        {
            return ApiProblem.Conflict(ClaimRefusalCodes.Code(ClaimRefusal.RoundNotOpen), $"No round of '{couponType.Id}' is open now.");
        }

        var results = await grains.GetGrain<IPoolGrain>(GrainKeys.Pool(campaignId, round.Id, couponType.Id)).GrantListedAsync(userIds);
        return TypedResults.Ok(new ListGrantView(
            round.Id,
            [.. results.Where(r => r.Coupon is not null && !r.AlreadyHeld).Select(r => CouponView.From(r.Coupon!))],
            [.. results.Where(r => r.AlreadyHeld).Select(r => CouponView.From(r.Coupon!))],
            [.. results.Where(r => r.Refusal is not null).Select(r => new ListGrantRefusalView(r.UserId, ClaimRefusalCodes.Code(r.Refusal!.Value)))]));
    }

    private static async Task<Results<Ok<StockReallocationView>, ProblemHttpResult>> ReallocateAsync(
        string campaignId, string roundId, StockBody body, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        if (!CampaignValidator.IsValidId(roundId))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidId, "Round ids are 1-64 characters of a-z, 0-9, '-' and '_'.");
        }

        if (body.Stock is not { Count: > 0 } stock
            || !stock.All(s => CampaignValidator.IsValidId(s.Key) && s.Value is >= 0 and <= CampaignValidator.MaxStock))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, $"Send {{ stock: {{ couponTypeId: count }} }} with counts from 0 to {CampaignValidator.MaxStock}.");
        }

        var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
        if (await campaign.GetAsync() is null)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        var result = await campaign.ReallocateAsync(roundId, stock);
        return result.Result switch
        {
            StockReallocationResult.Reallocated => TypedResults.Ok(new StockReallocationView(result.Round!, result.ValueBefore, result.ValueAfter)),
            StockReallocationResult.RoundNotFound => ApiProblem.NotFound(ProblemCodes.RoundNotFound, $"Campaign '{campaignId}' has no round '{roundId}'."),
            StockReallocationResult.RoundOpened => ApiProblem.Conflict(ProblemCodes.RoundOpened, $"Round '{roundId}' has opened (or opens within the cut-off); its stock can no longer move."),
            StockReallocationResult.CouponTypeNotInRound => ApiProblem.Conflict(ProblemCodes.CouponTypeNotInRound, $"Only coupon types already in round '{roundId}' can be given stock."),
            StockReallocationResult.Unbalanced => ApiProblem.Create(
                StatusCodes.Status409Conflict,
                ProblemCodes.UnbalancedStock,
                $"The new stock is worth {result.ValueAfter} yuan; the round's was {result.ValueBefore}. Move value, do not add or remove it.",
                new() { ["valueBefore"] = result.ValueBefore, ["valueAfter"] = result.ValueAfter }),
            _ => ApiProblem.CampaignNotFound(campaignId),
        };
    }
}
