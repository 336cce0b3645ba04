using System.Security.Claims;
using Claims.Api.Auth;
using Claims.Api.Problems;
using Claims.Contracts.Merchants;

namespace Claims.Api.Merchants;

public static class AdminMerchantsApi
{
    public static RouteGroupBuilder MapAdminMerchantsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/merchants").RequireAuthorization(Roles.Operator).WithTags("Merchants");
        group.MapPost("/", (MerchantBody body, IGrainFactory grains, ClaimsPrincipal user) => RegisterAsync(body, grains, user));
        group.MapGet("/", MerchantRegisterApi.ListAsync);
        group.MapGet("/{merchantId}", (string merchantId, IGrainFactory grains) => ActAsync(merchantId, grains, null));
        group.MapPost("/{merchantId}/approve", (string merchantId, IGrainFactory grains, ClaimsPrincipal user) => ActAsync(merchantId, grains, g => g.ApproveAsync(user.Subject())));
        group.MapPost("/{merchantId}/suspend", (string merchantId, IGrainFactory grains, ClaimsPrincipal user) => ActAsync(merchantId, grains, g => g.SuspendAsync(user.Subject())));
        group.MapPost("/{merchantId}/reinstate", (string merchantId, IGrainFactory grains, ClaimsPrincipal user) => ActAsync(merchantId, grains, g => g.ReinstateAsync(user.Subject())));
        group.MapPost("/{merchantId}/ban", (string merchantId, IGrainFactory grains, ClaimsPrincipal user) => ActAsync(merchantId, grains, g => g.BanAsync(user.Subject())));
        group.MapPost("/{merchantId}/release", (string merchantId, IGrainFactory grains, ClaimsPrincipal user) => ActAsync(merchantId, grains, g => g.ReleaseAsync(user.Subject()), NothingHeld));

        // A merchant applies itself, under the id its token names, and waits for an operator's approval.
        routes.MapPost("/merchants/apply", (MerchantBody body, IGrainFactory grains, ClaimsPrincipal user) => RegisterAsync(body with { Id = user.Subject() }, grains, user))
            .RequireAuthorization(Roles.Merchant).WithTags("Merchants");
        return group;
    }

    private static async Task<Results<Created<Merchant>, Ok<Merchant>, ProblemHttpResult>> RegisterAsync(MerchantBody body, IGrainFactory grains, ClaimsPrincipal user)
    {
        if (MerchantValidation.Errors(body) is { Count: > 0 } errors)
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "The merchant is incomplete or malformed.", errors);
        }

        var grain = grains.GetGrain<IMerchantGrain>(body.Id!);
        var existed = await grain.GetAsync() is not null;
        var change = await grain.RegisterAsync(new(body.Name!.Trim(), body.Industries!, body.RegionCode!, body.Attributes), user.Subject());
        if (!change.Applied)
        {
            return ApiProblem.Conflict(ProblemCodes.MerchantExists, $"Merchant '{body.Id}' is already registered with other details.");
        }

        return existed ? TypedResults.Ok(change.Merchant!) : TypedResults.Created($"/admin/merchants/{body.Id}", change.Merchant!);
    }

    private static ProblemHttpResult NothingHeld(Merchant merchant) =>
        ApiProblem.Conflict(ProblemCodes.NothingHeld, $"No money of merchant '{merchant.Id}' is held.");

    // Without an action, reads the merchant. A refused status step is answered from the status
    // unless the action says otherwise.
    private static async Task<Results<Ok<Merchant>, ProblemHttpResult>> ActAsync(
        string merchantId, IGrainFactory grains, Func<IMerchantGrain, Task<MerchantChange>>? action, Func<Merchant, ProblemHttpResult>? refused = null)
    {
        if (!CampaignValidator.IsValidId(merchantId))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidId, "Merchant ids are 1-64 characters of a-z, 0-9, '-' and '_'.");
        }

        // Reading first keeps an unknown id from activating (and storing) anything.
        var grain = grains.GetGrain<IMerchantGrain>(merchantId);
        if (await grain.GetAsync() is not { } merchant)
        {
            return ApiProblem.NotFound(ProblemCodes.MerchantNotFound, $"No merchant '{merchantId}'.");
        }

        if (action is null)
        {
            return TypedResults.Ok(merchant);
        }

        var change = await action(grain);
        return change switch
        {
            { Applied: true } => TypedResults.Ok(change.Merchant!),
            _ when refused is not null => refused(merchant),
            { Merchant.Status: MerchantStatus.Banned } => ApiProblem.Conflict(ProblemCodes.MerchantBanned, $"Merchant '{merchantId}' is banned for good."),
            _ => ApiProblem.Conflict(ProblemCodes.InvalidTransition, $"Merchant '{merchantId}' is {merchant.Status.ToString().ToLowerInvariant()}: approve a pending merchant, suspend an approved one, reinstate a suspended one."),
        };
    }
}
