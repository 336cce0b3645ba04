using System.Security.Claims;
using Claims.Api.Admin;
using Claims.Api.Auth;
using Claims.Api.Claims;
using Claims.Api.Problems;
using Claims.Contracts.Draws;

namespace Claims.Api.Draws;

/// <summary>
/// Draw rounds: residents register during the window, anyone reads the draw (the seed's hash, then
/// the seed and the results), a resident reads whether they were drawn, and operators export the
/// registrations (to recompute the draw) or run a draw that is due without waiting for the tick.
/// </summary>
public static class DrawsApi
{
    public static IEndpointRouteBuilder MapDrawsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/campaigns/{campaignId}/registrations", RegisterAsync).RequireAuthorization(Roles.Resident).WithTags("Claims");
        routes.MapGet("/campaigns/{campaignId}/draws/{roundId}", (string campaignId, string roundId, IGrainFactory grains) => DrawAsync(campaignId, roundId, grains, d => d.GetAsync()))
            .RequireAuthorization().WithTags("Claims");
        routes.MapGet("/campaigns/{campaignId}/draws/{roundId}/me", EntryAsync).RequireAuthorization(Roles.Resident).WithTags("Claims");
        routes.MapPost("/admin/campaigns/{campaignId}/rounds/{roundId}/draw", RunAsync).RequireAuthorization(Roles.Operator).WithTags("Admin");
        routes.MapGet("/admin/campaigns/{campaignId}/draws/{roundId}/registrations", RegistrationsAsync).RequireAuthorization(Roles.Operator).WithTags("Admin");
        return routes;
    }

    private static async Task<Results<Created<RegistrationView>, ProblemHttpResult, ClaimRefused>> RegisterAsync(
        string campaignId, ClaimBody body, ClaimsPrincipal user, CampaignDirectory campaigns, ClaimDispatcher dispatcher, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        if (ClaimValidation.Errors(body) is { } errors)
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "The registration is incomplete or malformed.", errors);
        }

        if (await campaigns.FindRoutesAsync(campaignId) is not { } campaign)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        if (campaign.Find(body.CouponTypeId!) is null)
        {
            return ApiProblem.NotFound(ProblemCodes.CouponTypeNotFound, $"Campaign '{campaignId}' has no coupon type '{body.CouponTypeId}'.");
        }

        var personId = user.PersonIdFor(campaign.Campaign);
        if (campaign.Campaign.KeyedByPerson() && personId is null)
        {
            return ApiProblem.PersonIdRequired();
        }

        // One registration per resident and type: the key only has to be stable.
        var userId = user.Subject();
        var outcome = await dispatcher.RegisterAsync(campaign, userId, new ClaimRequest(body.CouponTypeId!, body.RegionCode!, "registration", personId));
        if (outcome.Registration is not { } registration)
        {
            return ClaimRefused.Of(outcome.Refusal!.Value);
        }

        var round = campaign.Campaign.Rounds.Single(r => r.Id == registration.RoundId);
        var draw = await grains.GetGrain<IDrawGrain>(GrainKeys.Draw(campaignId, round.Id)).GetAsync();
        return TypedResults.Created(
            $"/campaigns/{campaignId}/draws/{round.Id}/me",
            new RegistrationView(campaignId, round.Id, registration.CouponTypeId, registration.RegisteredAt, round.OpensAt, draw!.SeedHash));
    }

    private static async Task<Results<Ok<DrawEntryView>, ProblemHttpResult>> EntryAsync(
        string campaignId, string roundId, ClaimsPrincipal user, IGrainFactory grains, CampaignDirectory campaigns)
    {
        if (await FindAsync(campaignId, roundId, campaigns) is not { } found)
        {
            return DrawNotFound(campaignId, roundId);
        }

        var (campaign, round) = found;
        var userId = user.Subject();
        var personId = user.PersonIdFor(campaign);
        var holder = campaign.LimitHolderOf(userId, personId);
        var registrations = await Task.WhenAll(round.Stock.Keys.Select(t => grains.GetGrain<IPoolGrain>(campaign.PoolKeyFor(round.Id, t, holder)).FindRegistrationAsync(userId).AsTask()));
        var registration = registrations.OfType<Registration>().OrderBy(r => r.RegisteredAt).FirstOrDefault();
        var draw = await grains.GetGrain<IDrawGrain>(GrainKeys.Draw(campaignId, roundId)).GetAsync();
        if (registration is null || draw!.DrawnAt is null)
        {
            return TypedResults.Ok(new DrawEntryView(roundId, registration is not null, registration?.CouponTypeId, registration?.RegisteredAt, DrawEntryResult.Pending, null));
        }

        var owned = await grains.GetGrain<IPoolGrain>(campaign.PoolKeyFor(round.Id, registration.CouponTypeId, holder)).GetOwnedAsync(userId, personId);
        var coupon = owned.FirstOrDefault(c => c.RequestKey == DrawRanking.RequestKey(roundId));
        return TypedResults.Ok(new DrawEntryView(
            roundId, true, registration.CouponTypeId, registration.RegisteredAt, coupon is null ? DrawEntryResult.NotDrawn : DrawEntryResult.Drawn, coupon is null ? null : CouponView.From(coupon)));
    }

    private static async Task<Results<Ok<DrawView>, ProblemHttpResult>> RunAsync(string campaignId, string roundId, IGrainFactory grains, CampaignDirectory campaigns, TimeProvider time)
    {
        if (await FindAsync(campaignId, roundId, campaigns) is not { } found)
        {
            return DrawNotFound(campaignId, roundId);
        }

        return time.GetUtcNow() < found.Round.OpensAt
            ? ApiProblem.Conflict(ProblemCodes.DrawNotDue, $"The draw of round '{roundId}' runs when the round opens, at {found.Round.OpensAt:O}; registration is open until then.")
            : await DrawAsync(campaignId, roundId, grains, d => d.RunAsync());
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> RegistrationsAsync(string campaignId, string roundId, IGrainFactory grains, CampaignDirectory campaigns)
    {
        if (await FindAsync(campaignId, roundId, campaigns) is not { } found)
        {
            return DrawNotFound(campaignId, roundId);
        }

        var csv = new Csv().Row("userId", "couponTypeId", "registeredAt");
        var registrations = await Task.WhenAll(found.Campaign.PoolKeys([found.Round]).Select(k => grains.GetGrain<IPoolGrain>(k).GetRegistrationsAsync().AsTask()));
        foreach (var registration in registrations.SelectMany(r => r).OrderBy(r => r.CouponTypeId, StringComparer.Ordinal).ThenBy(r => r.UserId, StringComparer.Ordinal))
        {
            csv.Row(registration.UserId, registration.CouponTypeId, registration.RegisteredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        return TypedResults.Text(csv.ToString(), "text/csv; charset=utf-8");
    }

    private static async Task<Results<Ok<DrawView>, ProblemHttpResult>> DrawAsync(string campaignId, string roundId, IGrainFactory grains, Func<IDrawGrain, Task<DrawView?>> read)
    {
        if (!CampaignValidator.IsValidId(campaignId) || !CampaignValidator.IsValidId(roundId))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidId, "Campaign and round ids are 1-64 characters of a-z, 0-9, '-' and '_'.");
        }

        return await read(grains.GetGrain<IDrawGrain>(GrainKeys.Draw(campaignId, roundId))) is { } draw
            ? TypedResults.Ok(draw)
            : DrawNotFound(campaignId, roundId);
    }

    private static async Task<(CampaignDefinition Campaign, RoundDefinition Round)?> FindAsync(string campaignId, string roundId, CampaignDirectory campaigns) =>
        CampaignValidator.IsValidId(campaignId) && CampaignValidator.IsValidId(roundId)
            && await campaigns.FindAsync(campaignId) is { } campaign && campaign.Rounds.FirstOrDefault(r => r.Id == roundId && r.Draw is not null) is { } round
            ? (campaign, round)
            : null;

    private static ProblemHttpResult DrawNotFound(string campaignId, string roundId) =>
        ApiProblem.NotFound(ProblemCodes.DrawNotFound, $"Campaign '{campaignId}' has no draw round '{roundId}'.");
}
