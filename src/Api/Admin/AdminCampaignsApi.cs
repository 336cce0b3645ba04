using Claims.Api.Auth;
using Claims.Api.Campaigns.Documents;
using Claims.Api.Problems;

namespace Claims.Api.Admin;

public static class AdminCampaignsApi
{
    public static RouteGroupBuilder MapAdminCampaignsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/campaigns").RequireAuthorization(Roles.Operator).WithTags("Admin");
        group.MapPost("/", CreateAsync);
        group.MapGet("/{campaignId}", (string campaignId, IGrainFactory grains) => ActAsync(campaignId, grains, g => g.GetAsync()));
        group.MapPost("/{campaignId}/pause", (string campaignId, IGrainFactory grains) => ActAsync(campaignId, grains, g => g.PauseAsync()));
        group.MapPost("/{campaignId}/resume", (string campaignId, IGrainFactory grains) => ActAsync(campaignId, grains, g => g.ResumeAsync()));
        group.MapPut("/{campaignId}/rounds/{roundId}", ReviseRoundAsync);
        group.MapPost("/{campaignId}/rounds/{roundId}/validity", ExtendValidityAsync);
        group.MapPut("/{campaignId}/rounds/{roundId}/rollover", RouteRolloverAsync);
        group.MapPost("/{campaignId}/blacklist", (string campaignId, BlacklistBody body, IGrainFactory grains) => body.IsValid
            ? ActAsync(campaignId, grains, g => g.ChangeBlacklistAsync(body.Add ?? [], body.Remove ?? []))
            : Task.FromResult<Results<Ok<AdminCampaignView>, ProblemHttpResult>>(ApiProblem.BadRequest(ProblemCodes.InvalidRequest, BlacklistBody.Rule)));
        return group;
    }

    private static async Task<Results<Created<AdminCampaignView>, Ok<AdminCampaignView>, ProblemHttpResult>> CreateAsync(
        CampaignDocument document, IGrainFactory grains, TimeProvider time, bool allowPast = false)
    {
        var definition = document.ToDefinition();
        var violations = CampaignValidator.Validate(definition);

        // A wrong year would otherwise close every round at once: a past campaign (an archive, a
        // replay) is loaded only when asked for.
        if (!allowPast && definition.Rounds.Count > 0 && definition.Rounds.All(r => r.ClosesAt <= time.GetUtcNow()))
        {
            violations = [.. violations, new("$.rounds", "rounds_in_past", "Every round has closed already; send ?allowPast=true to load a past campaign.")];
        }

        if (violations.Count > 0)
        {
            return Invalid(violations);
        }

        var creation = await grains.GetGrain<ICampaignGrain>(definition.Id).CreateAsync(definition);
        return creation.Result switch
        {
            CampaignCreationResult.Created => TypedResults.Created($"/admin/campaigns/{definition.Id}", await ViewAsync(grains, creation.Campaign!)),
            CampaignCreationResult.AlreadyExists => TypedResults.Ok(await ViewAsync(grains, creation.Campaign!)),
            CampaignCreationResult.Conflict => ApiProblem.Conflict(ProblemCodes.CampaignExists, $"Campaign '{definition.Id}' already exists with a different definition."),
            _ => Invalid(creation.Violations),
        };
    }

    // Adds the round, or changes it while it has not opened: 201 for a new round, 200 for a change.
    private static async Task<Results<Created<AdminCampaignView>, Ok<AdminCampaignView>, ProblemHttpResult>> ReviseRoundAsync(
        string campaignId, string roundId, RoundDocument document, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        if (document.Id != roundId)
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidId, $"The round's id '{document.Id}' differs from the round addressed, '{roundId}'.");
        }

        return await ReviseAsync(campaignId, roundId, grains, g => g.ReviseRoundAsync(document.ToDefinition()));
    }

    // Extends the validity of the round's coupons, those granted and those to come (001, 004: 延长使用期限).
    private static async Task<Results<Created<AdminCampaignView>, Ok<AdminCampaignView>, ProblemHttpResult>> ExtendValidityAsync(
        string campaignId, string roundId, ValidityExtensionBody body, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(campaignId) || !CampaignValidator.IsValidId(roundId))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidId, "Campaign and round ids are 1-64 characters of a-z, 0-9, '-' and '_'.");
        }

        return body.Until is { } until
            ? await ReviseAsync(campaignId, roundId, grains, g => g.ExtendValidityAsync(roundId, until))
            : ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "Send { until }: the new end of the round's coupons' validity, with its offset.");
    }

    // Where each type's leftover goes at the round's close: another type of the next round, value for value (001).
    private static async Task<Results<Created<AdminCampaignView>, Ok<AdminCampaignView>, ProblemHttpResult>> RouteRolloverAsync(
        string campaignId, string roundId, Dictionary<string, string>? body, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(campaignId) || !CampaignValidator.IsValidId(roundId))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidId, "Campaign and round ids are 1-64 characters of a-z, 0-9, '-' and '_'.");
        }

        return body is not null && body.All(r => CampaignValidator.IsValidId(r.Key) && CampaignValidator.IsValidId(r.Value))
            ? await ReviseAsync(campaignId, roundId, grains, g => g.RouteRolloverAsync(roundId, body))
            : ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "Send { \"fromCouponType\": \"intoCouponType\", ... }: coupon type ids of the round and of the next round; {} routes each type into itself.");
    }

    private static async Task<Results<Created<AdminCampaignView>, Ok<AdminCampaignView>, ProblemHttpResult>> ReviseAsync(
        string campaignId, string roundId, IGrainFactory grains, Func<ICampaignGrain, Task<RoundRevision>> revise)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
        if (await campaign.GetAsync() is null)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        var revision = await revise(campaign);
        return revision.Result switch
        {
            RoundRevisionResult.Added => TypedResults.Created($"/admin/campaigns/{campaignId}", await ViewAsync(grains, revision.Campaign!)),
            RoundRevisionResult.Changed => TypedResults.Ok(await ViewAsync(grains, revision.Campaign!)),
            RoundRevisionResult.RoundOpened => ApiProblem.Conflict(ProblemCodes.RoundOpened, $"Round '{roundId}' has opened, or would open within the cut-off: what residents could claim no longer moves."),
            RoundRevisionResult.RoundClosed => ApiProblem.Conflict(ProblemCodes.RoundClosed, $"Round '{roundId}' has closed: its leftover went where the round said then."),
            RoundRevisionResult.RoundNotFound => ApiProblem.NotFound(ProblemCodes.RoundNotFound, $"Campaign '{campaignId}' has no round '{roundId}'."),
            RoundRevisionResult.NotExtended => ApiProblem.Conflict(ProblemCodes.ValidityNotExtended, "The new end lengthens no coupon: it must be later than now and than the round's first coupon's validity."),
            RoundRevisionResult.Invalid => Invalid(revision.Violations),
            _ => ApiProblem.CampaignNotFound(campaignId),
        };
    }

    private static ProblemHttpResult Invalid(IReadOnlyList<Violation> violations) =>
        ApiProblem.Create(
            StatusCodes.Status400BadRequest,
            ProblemCodes.InvalidCampaign,
            $"The campaign breaks {violations.Count} rule(s); see violations.",
            new() { ["violations"] = violations });

    private static async Task<Results<Ok<AdminCampaignView>, ProblemHttpResult>> ActAsync(
        string campaignId, IGrainFactory grains, Func<ICampaignGrain, Task<CampaignSnapshot?>> action)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        // Reading first keeps an unknown id from activating (and storing) anything.
        var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
        if (await campaign.GetAsync() is null || await action(campaign) is not { } snapshot)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        return TypedResults.Ok(await ViewAsync(grains, snapshot));
    }

    private static async Task<AdminCampaignView> ViewAsync(IGrainFactory grains, CampaignSnapshot snapshot)
    {
        var definition = snapshot.Definition;
        return new(snapshot.Status, snapshot.CreatedAt, definition.ToDocument(), await PoolStocks.ReadAsync(grains, definition));
    }
}
