using Claims.Contracts.Draws;
using Claims.Grains.Events;

namespace Claims.Grains.Draws;

// The seed is drawn and stored at the first activation, before anyone can read its hash, so the
// hash published is of the seed the draw will use whatever crashes in between.
public sealed class DrawGrain(
    [PersistentState("draw", StorageNames.Claims)] IPersistentState<DrawState> state,
    CampaignDirectory campaigns,
    IClaimsEventSink sink,
    TimeProvider time,
    ILogger<DrawGrain> logger) : Grain, IDrawGrain
{
    // With no stock left only replays can succeed: asked in bigger chunks, they compete for nothing.
    private const int ReplayChunk = 1024;

    private readonly EventOutbox<DrawState> _outbox = new(state, sink, logger);

    private string CampaignId => GrainKeys.ParseDraw(this.GetPrimaryKeyString()).CampaignId;

    private string RoundId => GrainKeys.ParseDraw(this.GetPrimaryKeyString()).RoundId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await _outbox.RestoreAsync();
        if (state.State.Seed is null)
        {
            state.State.Seed = DrawRanking.NewSeed();
            await state.WriteStateAsync();
        }
    }

    public async Task<DrawView?> GetAsync() => await RoundAsync() is { } round ? View(round) : null;

    public async Task<DrawView?> RunAsync()
    {
        if (await RoundAsync() is not { } round)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (state.State.DrawnAt is not null || now < round.OpensAt || await campaigns.FindRoutesAsync(CampaignId) is not { } routes)
        {
            return View(round);
        }

        var dispatcher = new ClaimDispatcher(GrainFactory, time);
        var results = new List<DrawResult>();
        foreach (var couponTypeId in round.Stock.Keys.Order(StringComparer.Ordinal))
        {
            var registrations = (await Task.WhenAll(routes.Campaign.PoolKeys(round.Id, couponTypeId).Select(k => GrainFactory.GetGrain<IPoolGrain>(k).GetRegistrationsAsync().AsTask())))
                .SelectMany(r => r).ToList();
            var ranked = DrawRanking.Rank(state.State.Seed!, couponTypeId, registrations, r => r.UserId);
            results.Add(new(couponTypeId, registrations.Count, await ClaimInRankAsync(dispatcher, routes, round, couponTypeId, ranked)));
        }

        state.State.DrawnAt = now;
        state.State.Results = [.. results];
        var version = _outbox.NextVersion();
        _outbox.Raise(version, new DrawHeld
        {
            EventId = $"draw:{CampaignId}:{RoundId}",
            OccurredAt = now,
            CampaignId = CampaignId,
            RoundId = RoundId,
            Seed = Convert.ToHexStringLower(state.State.Seed!),
            Results = state.State.Results,
        });
        await _outbox.CommitAsync(version);
        return View(round);
    }

    // Winners claim in rank order, in chunks no larger than the stock left, so no two compete for
    // the last coupons and the result is the ranking's, however the claims interleave. A claim a
    // crash interrupted is answered again with its coupon (same request key), taking no stock.
    private async Task<int> ClaimInRankAsync(ClaimDispatcher dispatcher, ClaimRoutes routes, RoundDefinition round, string couponTypeId, List<Registration> ranked)
    {
        var requestKey = DrawRanking.RequestKey(round.Id);
        var winners = 0;
        var next = 0;
        while (next < ranked.Count)
        {
            var remaining = (await PoolStocks.ReadAsync(GrainFactory, routes.Campaign, round.Id, couponTypeId)).Remaining;
            var chunk = ranked.GetRange(next, Math.Min(Math.Max(remaining, ReplayChunk), ranked.Count - next));
            if (remaining > 0)
            {
                chunk = chunk[..Math.Min(chunk.Count, remaining)];
            }

            var outcomes = await Task.WhenAll(chunk.Select(r => dispatcher.ClaimAsync(
                routes, r.UserId, new ClaimRequest(couponTypeId, r.RegionCode ?? routes.Campaign.Regions.FirstOrDefault() ?? "00", requestKey, r.PersonId))));
            if (outcomes.Any(o => o.Refusal == ClaimRefusal.Superseded))
            {
                throw new InvalidOperationException($"A quota grain moved during the draw of {CampaignId}/{RoundId}; the draw runs again and finds the coupons it granted.");
            }

            winners += outcomes.Count(o => o.Coupon is not null);
            if (outcomes.Any(o => o.Refusal == ClaimRefusal.SoldOut))
            {
                break;
            }

            next += chunk.Count;
        }

        return winners;
    }

    private async Task<RoundDefinition?> RoundAsync() =>
        (await campaigns.FindAsync(CampaignId))?.Rounds.FirstOrDefault(r => r.Id == RoundId && r.Draw is not null);

    private DrawView View(RoundDefinition round) => new(
        round.Id,
        round.Draw!.RegistersFrom,
        round.OpensAt,
        DrawRanking.HashOf(state.State.Seed!),
        state.State.DrawnAt is null ? null : Convert.ToHexStringLower(state.State.Seed!),
        state.State.DrawnAt,
        state.State.Results);
}
