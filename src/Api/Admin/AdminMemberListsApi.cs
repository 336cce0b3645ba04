using System.Security.Claims;
using Claims.Api.Auth;
using Claims.Api.Problems;
using Claims.Contracts.Members;
using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Admin;

/// <summary>
/// Operators' member lists (003: union members' coupons): a list named by a coupon type's
/// <c>memberList</c> is replaced by an upload sent in CSV chunks and then committed.
/// </summary>
public static class AdminMemberListsApi
{
    private const int MaxIdsPerChunk = 100_000;
    private const int MaxChunk = 9_999;

    // 100,000 ids of up to 128 characters, quoted, with line ends.
    private const long MaxChunkBytes = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapAdminMemberListsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/campaigns/{campaignId}/member-lists/{listId}").RequireAuthorization(Roles.Operator).WithTags("Admin");
        group.MapGet("/", GetAsync);
        group.MapPost("/uploads", StartAsync);
        // The body is read as CSV whatever its declared type: a content type the routing checked
        // would answer 415 before authorization had refused a caller without the role.
        group.MapPut("/uploads/{upload:int}/chunks/{chunk:int}", AddChunkAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxChunkBytes));
        group.MapPost("/uploads/{upload:int}/commit", CommitAsync);
        group.MapGet("/members/{userId}", CheckAsync);
        return group;
    }

    private static async Task<Results<Ok<MemberList>, ProblemHttpResult>> GetAsync(string campaignId, string listId, IGrainFactory grains, CampaignDirectory campaigns) =>
        await FindAsync(campaignId, listId, campaigns) is { } problem
            ? problem
            : TypedResults.Ok(await List(grains, campaignId, listId).GetAsync());

    private static async Task<Results<Created<MemberUpload>, ProblemHttpResult>> StartAsync(
        string campaignId, string listId, IGrainFactory grains, CampaignDirectory campaigns, ClaimsPrincipal user)
    {
        if (await FindAsync(campaignId, listId, campaigns) is { } problem)
        {
            return problem;
        }

        var upload = await List(grains, campaignId, listId).StartUploadAsync(user.Subject());
        return TypedResults.Created($"/admin/campaigns/{campaignId}/member-lists/{listId}/uploads/{upload.Upload}", upload);
    }

    private static async Task<Results<Ok<MemberUpload>, ProblemHttpResult>> AddChunkAsync(
        string campaignId, string listId, int upload, int chunk, HttpRequest request, IGrainFactory grains, CampaignDirectory campaigns)
    {
        if (await FindAsync(campaignId, listId, campaigns) is { } problem)
        {
            return problem;
        }

        if (chunk is < 0 or > MaxChunk)
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidId, $"Chunks are numbered from 0 to {MaxChunk}.");
        }

        var (userIds, errors) = await MemberCsv.ReadAsync(request.Body, MaxIdsPerChunk);
        if (errors is not null)
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "The chunk is not a CSV of resident ids, one per line.", errors);
        }

        return await List(grains, campaignId, listId).AddChunkAsync(upload, chunk, userIds) is { } open
            ? TypedResults.Ok(open)
            : UploadNotFound(upload);
    }

    private static async Task<Results<Ok<MemberList>, ProblemHttpResult>> CommitAsync(
        string campaignId, string listId, int upload, MemberCommitBody body, IGrainFactory grains, CampaignDirectory campaigns, ClaimsPrincipal user)
    {
        if (await FindAsync(campaignId, listId, campaigns) is { } problem)
        {
            return problem;
        }

        if (body.Chunks is not { } chunks || chunks is < 1 or > MaxChunk + 1)
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, $"Send {{ chunks }}: how many chunks the upload was sent in, 1 to {MaxChunk + 1}.");
        }

        var commit = await List(grains, campaignId, listId).CommitAsync(upload, chunks, user.Subject());
        return commit.Result switch
        {
            MemberCommitResult.Committed => TypedResults.Ok(commit.List),
            MemberCommitResult.Superseded => ApiProblem.Conflict(ProblemCodes.UploadSuperseded, $"Upload {commit.List.Upload}, a later one, is the list; upload {upload} would bring back an older list."),
            MemberCommitResult.ChunksMismatch => ApiProblem.Create(
                StatusCodes.Status409Conflict,
                ProblemCodes.ChunksMismatch,
                $"Upload {upload} was not received as chunks 0 to {chunks - 1}.",
                new() { ["missing"] = commit.Missing }),
            _ => UploadNotFound(upload),
        };
    }

    private static async Task<Results<Ok<MemberCheckView>, ProblemHttpResult>> CheckAsync(
        string campaignId, string listId, string userId, IGrainFactory grains, CampaignDirectory campaigns)
    {
        if (await FindAsync(campaignId, listId, campaigns) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(new MemberCheckView(listId, userId, await grains.GetGrain<IMemberShardGrain>(MemberShards.ShardOf(campaignId, listId, userId)).ContainsAsync(userId)));
    }

    // A list exists when one of the campaign's coupon types names it.
    private static async Task<ProblemHttpResult?> FindAsync(string campaignId, string listId, CampaignDirectory campaigns)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        if (await campaigns.FindAsync(campaignId) is not { } campaign)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        return campaign.CouponTypes.Any(t => t.MemberList == listId)
            ? null
            : ApiProblem.NotFound(ProblemCodes.MemberListNotFound, $"No coupon type of campaign '{campaignId}' is claimed from a member list '{listId}'.");
    }

    private static ProblemHttpResult UploadNotFound(int upload) =>
        ApiProblem.NotFound(ProblemCodes.UploadNotFound, $"Upload {upload} is not open: start one, or it was committed or replaced.");

    private static IMemberListGrain List(IGrainFactory grains, string campaignId, string listId) =>
        grains.GetGrain<IMemberListGrain>(MemberShards.List(campaignId, listId));
}
