using System.Globalization;
using System.Security.Claims;
using Claims.Api.Auth;
using Claims.Api.Problems;
using Claims.Client.Admission;
using Claims.Client.Telemetry;

namespace Claims.Api.Claims;

public static class ClaimsApi
{
    private const int MaxIdempotencyKeyLength = 128;

    public static IEndpointRouteBuilder MapClaimEndpoints(this IEndpointRouteBuilder routes)
    {
        // A claim waits only on grain calls, each bounded by Cluster:ResponseTimeout: the request
        // timeout's token and timer would be one more allocation per tap of the rush.
        routes.MapPost("/campaigns/{campaignId}/claims", ClaimAsync).RequireAuthorization(Roles.Resident).DisableRequestTimeout().WithTags("Claims");
        routes.MapGet("/me/coupons", WalletAsync).RequireAuthorization(Roles.Resident).WithTags("Claims");
        routes.MapGet("/me/coupons/{couponId}", CouponAsync).RequireAuthorization(Roles.Resident).WithTags("Claims");
        return routes;
    }

    private static async Task<Results<Created<CouponView>, ProblemHttpResult, ClaimRefused>> ClaimAsync(
        string campaignId,
        ClaimBody body,
        ClaimsPrincipal user,
        HttpContext http,
        CampaignDirectory campaigns,
        ClaimDispatcher dispatcher,
        ClaimAdmission admission,
        ClaimsMetrics metrics,
        ClaimLog log,
        TimeProvider time)
    {
        var arrived = time.GetTimestamp();
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        // Read raw: an empty header is a client bug to report, not a claim without a key.
        string? idempotencyKey = http.Request.Headers.TryGetValue("Idempotency-Key", out var keys) ? keys.ToString() : null;
        if (idempotencyKey is not null && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxIdempotencyKeyLength || idempotencyKey.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || idempotencyKey.AsSpan().ContainsAnyInRange('\u007f', '\u009f')))
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidIdempotencyKey, $"An Idempotency-Key is 1-{MaxIdempotencyKeyLength} printable characters.");
        }

        if (ClaimValidation.Errors(body) is { } errors)
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "The claim is incomplete or malformed.", errors);
        }

        if (await campaigns.FindRoutesAsync(campaignId) is not { } campaign)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        if (campaign.Find(body.CouponTypeId!) is not { } couponType)
        {
            return ApiProblem.NotFound(ProblemCodes.CouponTypeNotFound, $"Campaign '{campaignId}' has no coupon type '{body.CouponTypeId}'.");
        }

        // Two accounts of one person share a quota only if the token says who the person is.
        var personId = user.PersonIdFor(campaign.Campaign);
        if (campaign.Campaign.KeyedByPerson() && personId is null)
        {
            return ApiProblem.PersonIdRequired();
        }

        // A pool the board says is sold out is refused here, before anything else is spent on the
        // claim, unless it may be the replay of a claim it granted, which must get its coupon
        // back. A claim without an Idempotency-Key cannot be one: its request key is new.
        var userId = user.Subject();
        var open = couponType.OpenRound(time.GetUtcNow());
        if (open?.Round.Draw is not null)
        {
            return ClaimRefused.Of(ClaimRefusal.DrawOnly);
        }

        var poolKeys = open?.PoolKeys;
        if (idempotencyKey is null && poolKeys is not null && admission.SoldOut(poolKeys))
        {
            return SoldOutOnTheBoard(campaign, couponType, metrics, log);
        }

        var requestKey = idempotencyKey is null ? $"r:{Guid.NewGuid():N}" : $"k:{idempotencyKey}";
        var admitted = await admission.AdmitAsync(userId, http.Connection.RemoteIpAddress?.ToString(), requestKey);
        if (admitted.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            metrics.Refused(null, null, ProblemCodes.RateLimited);
            log.RateLimited(userId, wait);
            return ApiProblem.Create(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many claims; retry after the time in Retry-After.");
        }

        if (idempotencyKey is not null && poolKeys is not null && !admitted.Replay && admission.SoldOut(poolKeys))
        {
            return SoldOutOnTheBoard(campaign, couponType, metrics, log);
        }

        var outcome = await dispatcher.ClaimAsync(campaign, userId, new ClaimRequest(couponType.CouponType.Id, body.RegionCode!, requestKey, personId));
        if (outcome.Coupon is { } coupon)
        {
            metrics.Granted(campaign.Campaign.Id, couponType.CouponType.Id, time.GetElapsedTime(arrived));
            if (idempotencyKey is not null)
            {
                admission.Granted(userId, requestKey);
            }

            return TypedResults.Created($"/me/coupons/{coupon.CouponId}", CouponView.From(coupon));
        }

        if (outcome.Refusal == ClaimRefusal.SoldOut && poolKeys is not null)
        {
            admission.SawSoldOut(poolKeys);
        }

        var refused = ClaimRefused.Of(outcome.Refusal!.Value);
        metrics.Refused(campaign.Campaign.Id, couponType.CouponType.Id, refused.Code);
        log.Refused(campaign.Campaign.Id, couponType.CouponType.Id, userId, refused.Code);
        return refused;
    }

    private static ClaimRefused SoldOutOnTheBoard(ClaimRoutes campaign, CouponTypeRoute couponType, ClaimsMetrics metrics, ClaimLog log)
    {
        var refused = ClaimRefused.Of(ClaimRefusal.SoldOut);
        metrics.Refused(campaign.Campaign.Id, couponType.CouponType.Id, refused.Code);
        log.SoldOutOnTheBoard(campaign.Campaign.Id, couponType.CouponType.Id);
        return refused;
    }

    // Every pool the resident could hold coupons from answers with their current status, so the
    // wallet shows what happened since the claim (used, expired, refunded) and list grants too.
    private static async Task<Ok<CouponView[]>> WalletAsync(ClaimsPrincipal user, IGrainFactory grains, CampaignDirectory campaigns, TimeProvider time)
    {
        var userId = user.Subject();
        var now = time.GetUtcNow();
        var ids = await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync();
        var definitions = await Task.WhenAll(ids.Select(id => campaigns.FindAsync(id).AsTask()));
        var owned = await Task.WhenAll(
            from definition in definitions.OfType<CampaignDefinition>()
            from round in definition.Rounds
            where round.OpensAt <= now
            from couponTypeId in round.Stock.Keys
            let personId = user.PersonIdFor(definition)
            select grains.GetGrain<IPoolGrain>(definition.PoolKeyFor(round.Id, couponTypeId, definition.LimitHolderOf(userId, personId))).GetOwnedAsync(userId, personId).AsTask());
        return TypedResults.Ok(owned.SelectMany(c => c).OrderBy(c => c.ValidFrom).ThenBy(c => c.CouponId, StringComparer.Ordinal).Select(CouponView.From).ToArray());
    }

    // The claim's Location. Someone else's coupon is answered as one that does not exist: ids
    // are guessable, so telling the two apart would say which coupons exist.
    private static async Task<Results<Ok<CouponView>, ProblemHttpResult>> CouponAsync(
        string couponId, ClaimsPrincipal user, IGrainFactory grains, CampaignDirectory campaigns)
    {
        var userId = user.Subject();
        if (CouponIds.TryParse(couponId, out var address)
            && await campaigns.FindAsync(address.CampaignId) is { } campaign
            && campaign.Rounds.Any(r => r.Id == address.RoundId && r.Stock.ContainsKey(address.CouponTypeId))
            && campaign.FindCouponType(address.CouponTypeId) is { } couponType
            && (address.Shard is { } shard ? shard < couponType.PoolShards && couponType.PoolShards > 1 : couponType.PoolShards == 1)
            && (await grains.GetGrain<IPoolGrain>(address.PoolKey).GetOwnedAsync(userId, user.PersonIdFor(campaign))).FirstOrDefault(c => c.CouponId == couponId) is { } coupon)
        {
            return TypedResults.Ok(CouponView.From(coupon));
        }

        return ApiProblem.NotFound(ProblemCodes.CouponNotFound, "You hold no coupon with this id.");
    }
}
