using Claims.Api.Problems;
using Claims.Client.Admission;
using Claims.Client.Board;

namespace Claims.Api.Campaigns;

public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/campaigns").RequireAuthorization().WithTags("Campaigns");
        group.MapGet("/", ListAsync);
        group.MapGet("/{campaignId}", GetAsync);
        return group;
    }

    private static async Task<Ok<CampaignSummary[]>> ListAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync();
        var snapshots = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICampaignGrain>(id).GetAsync()));
        return TypedResults.Ok(snapshots.OfType<CampaignSnapshot>().Select(s => new CampaignSummary(
            s.Definition.Id,
            s.Definition.Name,
            s.Status,
            s.Definition.TimeZone ?? CampaignDefinition.DefaultTimeZone,
            s.Definition.Regions,
            s.Definition.Rounds.Min(r => r.OpensAt),
            s.Definition.Rounds.Max(r => r.ClosesAt))).ToArray());
    }

    private static async Task<Results<Ok<CatalogCampaign>, ProblemHttpResult>> GetAsync(string campaignId, IGrainFactory grains, ProcessStockBoard board, IOptions<AdmissionOptions> admission, TimeProvider time)
    {
        if (!CampaignValidator.IsValidId(campaignId))
        {
            return ApiProblem.InvalidCampaignId();
        }

        if (await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync() is not { } snapshot)
        {
            return ApiProblem.CampaignNotFound(campaignId);
        }

        var definition = snapshot.Definition;
        var now = time.GetUtcNow();
        var entries = await Task.WhenAll(
            from couponType in definition.CouponTypes
            where !couponType.ListOnly
            let round = CurrentRound(definition, couponType.Id, now)
            where round is not null
            select EntryAsync(grains, board, admission.Value.RemainingMaxAge, definition, couponType, round, now));
        return TypedResults.Ok(new CatalogCampaign(
            definition.Id,
            definition.Name,
            definition.Description,
            snapshot.Status,
            definition.TimeZone ?? CampaignDefinition.DefaultTimeZone,
            definition.Regions,
            entries));
    }

    // The round a resident cares about: the open one, else the next to open, else the last to close.
    private static RoundDefinition? CurrentRound(CampaignDefinition definition, string couponTypeId, DateTimeOffset now)
    {
        var rounds = definition.Rounds.Where(r => r.Stock.ContainsKey(couponTypeId)).OrderBy(r => r.OpensAt).ToList();
        return definition.OpenRound(couponTypeId, now)
            ?? rounds.FirstOrDefault(r => r.OpensAt > now)
            ?? rounds.LastOrDefault();
    }

    // The front end polls the catalog through the rush: the counts come from the stock board, and
    // a pool is asked only when no post of it is recent (then its answer serves the next polls).
    private static async Task<CatalogCouponType> EntryAsync(
        IGrainFactory grains,
        ProcessStockBoard board,
        TimeSpan maxAge,
        CampaignDefinition definition,
        CouponTypeDefinition couponType,
        RoundDefinition round,
        DateTimeOffset now)
    {
        var posts = await Task.WhenAll(definition.PoolKeys(round.Id, couponType.Id).Select(async poolKey =>
        {
            if (board.Find(poolKey, maxAge) is { } posted)
            {
                return posted;
            }

            var asked = await grains.GetGrain<IPoolGrain>(poolKey).GetStockAsync();
            var answer = new StockPost(asked.Stock, asked.RolledIn, asked.Remaining);
            board.Answered(poolKey, answer, askedAt: now);
            return answer;
        }));
        var stock = new StockPost(posts.Sum(p => p.Stock), posts.Sum(p => p.RolledIn), posts.Sum(p => p.Remaining));

        return new(
            couponType.Id,
            couponType.Industry,
            couponType.FaceValue,
            couponType.MinSpend,
            couponType.MaxSpend,
            round.Id,
            round.OpensAt,
            round.ClosesAt,
            round.OpensAt <= now && now < round.ClosesAt,
            stock.Stock,
            stock.RolledIn,
            stock.Remaining,
            couponType.MemberList is not null);
    }
}
