using Claims.Api.Problems;

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

    private static async Task<Results<Ok<CatalogCampaign>, ProblemHttpResult>> GetAsync(string campaignId, IGrainFactory grains, TimeProvider time)
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
            select EntryAsync(grains, definition, couponType, round, now));
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

    private static async Task<CatalogCouponType> EntryAsync(IGrainFactory grains, CampaignDefinition definition, CouponTypeDefinition couponType, RoundDefinition round, DateTimeOffset now)
    {
        var stock = await grains.GetGrain<IPoolGrain>(GrainKeys.Pool(definition.Id, round.Id, couponType.Id)).GetStockAsync();
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
            stock.Remaining);
    }
}
