using System.Text.Json;
using Claims.Contracts.Draws;
using Claims.Grains.Events;
using Microsoft.Extensions.Options;

namespace Claims.Grains.Campaigns;

public sealed partial class CampaignGrain(
    [PersistentState("campaign", StorageNames.Claims)] IPersistentState<CampaignState> state,
    IClaimsEventSink sink,
    TimeProvider time,
    IOptions<ClaimsLifecycleOptions> lifecycle,
    IOptions<WarmUpOptions> warmUp,
    IClusterMembershipService membership,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain, IRemindable
{
    private const string LifecycleReminder = "lifecycle";

    private readonly EventOutbox<CampaignState> _outbox = new(state, sink, logger);

    // Rounds this activation has warmed up for their opening.
    private readonly HashSet<string> _warmed = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A pause is stored before it is pushed, so a crash mid-push is repaired by pushing again.
        // Pools ask this grain for the campaign while they activate, which must wait for this
        // activation to finish: push from a timer, after it.
        if (state.State.Status == CampaignStatus.Paused)
        {
            this.RegisterGrainTimer(PushStatusAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

        return _outbox.RestoreAsync();
    }

    public async Task<CampaignCreation> CreateAsync(CampaignDefinition definition)
    {
        if (state.State.Definition is { } existing)
        {
            // What Claims chose for the stored one stands: the cluster may have grown since.
            if (!SameDefinition(existing, (definition with { QuotaShardCount = definition.QuotaShardCount ?? existing.QuotaShardCount }).WithShardsChosen(ActiveSilos)))
            {
                return new(CampaignCreationResult.Conflict, Snapshot(), []);
            }

            // A retry after a crash between storing and registering completes the registration.
            await RegisterAsync();
            await StartLifecycleAsync();
            return new(CampaignCreationResult.AlreadyExists, Snapshot(), []);
        }

        var violations = CampaignValidator.Validate(definition);
        if (definition.Id != this.GetPrimaryKeyString())
        {
            violations = [.. violations, new("$.id", "id_mismatch", "The definition's id differs from the campaign addressed.")];
        }

        if (violations.Count > 0)
        {
            return new(CampaignCreationResult.Invalid, null, violations);
        }

        definition = definition.WithShardsChosen(ActiveSilos);
        state.State.Definition = definition;
        state.State.Status = CampaignStatus.Active;
        state.State.CreatedAt = time.GetUtcNow();
        var version = _outbox.NextVersion();
        _outbox.Raise(version, new CampaignCreated { EventId = $"campaign-created:{definition.Id}", OccurredAt = state.State.CreatedAt, Definition = definition });
        await _outbox.CommitAsync(version);
        await RegisterAsync();
        await StartLifecycleAsync();
        LogCreated(definition.Id, definition.Rounds.Count, definition.CouponTypes.Count);
        return new(CampaignCreationResult.Created, Snapshot(), []);
    }

    public Task<CampaignSnapshot?> GetAsync() => Task.FromResult(Snapshot());

    private int ActiveSilos => membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    public Task<CampaignSnapshot?> PauseAsync() => SetStatusAsync(CampaignStatus.Paused);

    public Task<CampaignSnapshot?> ResumeAsync() => SetStatusAsync(CampaignStatus.Active);

    private async Task<CampaignSnapshot?> SetStatusAsync(CampaignStatus status)
    {
        if (state.State.Definition is null)
        {
            return null;
        }

        if (state.State.Status != status)
        {
            state.State.Status = status;
            var version = _outbox.NextVersion();
            var id = state.State.Definition.Id;
            _outbox.Raise(version, new CampaignStatusChanged { EventId = $"campaign-status:{id}:{version}", OccurredAt = time.GetUtcNow(), CampaignId = id, Status = status });
            await _outbox.CommitAsync(version);
            LogStatusChanged(state.State.Definition.Id, status);
        }

        await PushStatusAsync();
        return Snapshot();
    }

    public async Task<StockReallocation> ReallocateAsync(string roundId, IReadOnlyDictionary<string, int> stock)
    {
        if (state.State.Definition is not { } definition)
        {
            return new(StockReallocationResult.CampaignNotFound, null, 0, 0);
        }

        if (definition.Rounds.FirstOrDefault(r => r.Id == roundId) is not { } round)
        {
            return new(StockReallocationResult.RoundNotFound, null, 0, 0);
        }

        var updated = new Dictionary<string, int>(round.Stock, StringComparer.Ordinal);
        foreach (var (couponTypeId, count) in stock)
        {
            updated[couponTypeId] = count;
        }

        var (before, after) = (Value(definition, round.Stock), Value(definition, updated));
        var result =
            time.GetUtcNow() >= round.OpensAt - lifecycle.Value.ReallocationCutoff ? StockReallocationResult.RoundOpened
            : updated.Count != round.Stock.Count ? StockReallocationResult.CouponTypeNotInRound
            : before != after ? StockReallocationResult.Unbalanced
            : StockReallocationResult.Reallocated;
        if (result != StockReallocationResult.Reallocated)
        {
            return new(result, round, before, after);
        }

        var moved = round with { Stock = updated };
        if (!updated.SequenceEqual(round.Stock))
        {
            state.State.Definition = definition with { Rounds = definition.Rounds.Select(r => r.Id == roundId ? moved : r).ToArray() };
            state.State.Revision++;
            var version = _outbox.NextVersion();
            _outbox.Raise(version, new StockReallocated { EventId = $"reallocated:{definition.Id}:{version}", OccurredAt = time.GetUtcNow(), CampaignId = definition.Id, RoundId = roundId, Before = round.Stock, After = updated });
            await _outbox.CommitAsync(version);
        }

        // Stored first, then pushed: pools activated later read the stored round, and a retry of
        // the same reallocation pushes again to any pool a failure missed.
        await Task.WhenAll(
            from s in updated
            from poolKey in definition.PoolKeys(roundId, s.Key)
            select GrainFactory.GetGrain<IPoolGrain>(poolKey).SetStockAsync(s.Value));
        return new(result, moved, before, after);
    }

    public async Task<CampaignSnapshot?> ChangeBlacklistAsync(IReadOnlyList<string> add, IReadOnlyList<string> remove)
    {
        if (state.State.Definition is not { } definition)
        {
            return null;
        }

        var before = definition.Blacklist ?? [];
        var after = before.Except(remove, StringComparer.Ordinal).Union(add, StringComparer.Ordinal).ToArray();
        var (added, removed) = (after.Except(before, StringComparer.Ordinal).ToArray(), before.Except(after, StringComparer.Ordinal).ToArray());
        if (added.Length + removed.Length > 0)
        {
            state.State.Definition = definition with { Blacklist = after };
            state.State.Revision++;
            var version = _outbox.NextVersion();
            _outbox.Raise(version, new BlacklistChanged { EventId = $"blacklist:{definition.Id}:{version}", OccurredAt = time.GetUtcNow(), CampaignId = definition.Id, Added = added, Removed = removed });
            await _outbox.CommitAsync(version);
        }

        return Snapshot();
    }

    public async Task<RoundRevision> ReviseRoundAsync(RoundDefinition round)
    {
        if (state.State.Definition is not { } definition)
        {
            return new(RoundRevisionResult.CampaignNotFound, null, []);
        }

        var earliest = time.GetUtcNow() + lifecycle.Value.ReallocationCutoff;
        var before = definition.Rounds.FirstOrDefault(r => r.Id == round.Id);
        if (round.OpensAt < earliest || before?.OpensAt < earliest)
        {
            return new(RoundRevisionResult.RoundOpened, Snapshot(), []);
        }

        return await UseRoundAsync(definition, before, round, before is null ? RoundRevisionResult.Added : RoundRevisionResult.Changed);
    }

    public async Task<RoundRevision> ExtendValidityAsync(string roundId, DateTimeOffset until)
    {
        if (Missing(roundId) is { } missing)
        {
            return missing;
        }

        var definition = state.State.Definition!;
        var before = definition.Rounds.Single(r => r.Id == roundId);

        // The round's first coupon is the one that lapses first: an end it would not reach lengthens nothing.
        var now = time.GetUtcNow();
        if (until <= now || until <= before.ValidUntil(before.OpensAt))
        {
            return new(RoundRevisionResult.NotExtended, Snapshot(), []);
        }

        var round = before with
        {
            Validity = before.Validity with { Extensions = (before.Validity.Extensions ?? []).Append(new ValidityExtension(now, until)).ToArray() },
        };
        return await UseRoundAsync(definition, before, round, RoundRevisionResult.Changed);
    }

    public async Task<RoundRevision> RouteRolloverAsync(string roundId, IReadOnlyDictionary<string, string> into)
    {
        if (Missing(roundId) is { } missing)
        {
            return missing;
        }

        var definition = state.State.Definition!;
        var before = definition.Rounds.Single(r => r.Id == roundId);

        // At the close the leftover went where the round said then.
        if (time.GetUtcNow() >= before.ClosesAt)
        {
            return new(RoundRevisionResult.RoundClosed, Snapshot(), []);
        }

        var routes = into.Where(r => r.Key != r.Value).ToDictionary(StringComparer.Ordinal);
        return await UseRoundAsync(definition, before, before with { RollInto = routes.Count == 0 ? null : routes }, RoundRevisionResult.Changed);
    }

    // The revision that says the campaign or its round does not exist; null when both do.
    private RoundRevision? Missing(string roundId) =>
        state.State.Definition is not { } definition ? new(RoundRevisionResult.CampaignNotFound, null, [])
        : definition.Rounds.All(r => r.Id != roundId) ? new(RoundRevisionResult.RoundNotFound, Snapshot(), [])
        : null;

    // Stores the campaign with the round added or replaced, validated as creation is, and tells every pool.
    private async Task<RoundRevision> UseRoundAsync(CampaignDefinition definition, RoundDefinition? before, RoundDefinition round, RoundRevisionResult result)
    {
        // Plain arrays: grain storage serializers cannot rebuild the compiler's own collection types.
        var revised = definition with
        {
            Rounds = before is null ? definition.Rounds.Append(round).ToArray() : definition.Rounds.Select(r => r.Id == round.Id ? round : r).ToArray(),
        };
        if (CampaignValidator.Validate(revised) is { Count: > 0 } violations)
        {
            return new(RoundRevisionResult.Invalid, Snapshot(), violations);
        }

        if (!SameDefinition(definition, revised))
        {
            state.State.Definition = revised;
            state.State.Revision++;
            var version = _outbox.NextVersion();
            _outbox.Raise(version, new RoundRevised { EventId = $"round-revised:{definition.Id}:{version}", OccurredAt = time.GetUtcNow(), CampaignId = definition.Id, Before = before, After = round });
            await _outbox.CommitAsync(version);
        }

        // Stored first, then told: pools activated later read the stored campaign, and a retry
        // tells again any pool a failure missed. A campaign whose reminder had stopped has a
        // round to drive again.
        await Task.WhenAll(revised.PoolKeys(revised.Rounds).Select(poolKey => GrainFactory.GetGrain<IPoolGrain>(poolKey).ReviseAsync()));
        await StartLifecycleAsync();
        _warmed.Remove(round.Id);
        return new(result, Snapshot(), []);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == LifecycleReminder ? TickAsync() : Task.CompletedTask;

    public async Task TickAsync()
    {
        if (state.State.Definition is not { } definition)
        {
            return;
        }

        var now = time.GetUtcNow();
        await WarmUpAsync(definition, now);

        // A draw's winners hold their coupons before the round's pools are ticked.
        foreach (var round in definition.Rounds.Where(r => r.Draw is not null && r.OpensAt <= now))
        {
            await GrainFactory.GetGrain<IDrawGrain>(GrainKeys.Draw(definition.Id, round.Id)).RunAsync();
        }

        var settled = await Task.WhenAll(
            from poolKey in definition.PoolKeys(definition.Rounds.Where(r => r.OpensAt <= now))
            select GrainFactory.GetGrain<IPoolGrain>(poolKey).TickAsync());

        // No coupon of the campaign can be valid after this: nothing is left to expire or roll.
        var lastValid = definition.Rounds.Max(r => r.ValidUntil(r.ClosesAt));
        if (now >= lastValid && definition.Rounds.All(r => now >= r.ClosesAt) && settled.All(s => s)
            && await this.GetReminder(LifecycleReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            LogLifecycleFinished(definition.Id);
        }
    }

    // Rounds about to open get their pools activated (each reads its journal) and the quota grains
    // that will route claims to them activated and reading them: at the opening nothing waits
    // for an activation. Best effort: whatever is not ready activates at the first claim.
    private async Task WarmUpAsync(CampaignDefinition definition, DateTimeOffset now)
    {
        var opening = definition.Rounds.Where(r => r.OpensAt > now && r.OpensAt - now <= warmUp.Value.Lead && !_warmed.Contains(r.Id)).ToList();
        if (opening.Count == 0)
        {
            return;
        }

        var routes = new ClaimRoutes(definition);
        var throughQuotas = (
            from round in opening
            from couponTypeId in round.Stock.Keys
            let couponType = routes.Find(couponTypeId)
            where couponType is not null && couponType.Round(round.Id) is { Direct: false }
            select couponType.QuotaScope).Distinct(StringComparer.Ordinal).ToList();
        var lastOpening = opening.Max(r => r.OpensAt);
        try
        {
            await Task.WhenAll(
                definition.PoolKeys(opening).Select(poolKey => GrainFactory.GetGrain<IPoolGrain>(poolKey).GetStockAsync().AsTask())
                    .Concat(
                        from scope in throughQuotas
                        from grain in Enumerable.Range(0, definition.QuotaGrains)
                        select GrainFactory.GetGrain<IQuotaGrain>(GrainKeys.Quota(definition.Id, scope, grain)).PrepareAsync(lastOpening)));
            _warmed.UnionWith(opening.Select(r => r.Id));
            LogWarmedUp(definition.Id, string.Join(", ", opening.Select(r => r.Id)));
        }
        catch (Exception exception)
        {
            LogWarmUpFailed(exception, definition.Id);
        }
    }

    private Task StartLifecycleAsync() =>
        this.RegisterOrUpdateReminder(LifecycleReminder, lifecycle.Value.TickPeriod, lifecycle.Value.TickPeriod);

    private static decimal Value(CampaignDefinition definition, IReadOnlyDictionary<string, int> stock) =>
        stock.Sum(s => s.Value * (definition.FindCouponType(s.Key)?.FaceValue ?? 0));

    private Task PushStatusAsync()
    {
        var definition = state.State.Definition!;
        var paused = state.State.Status == CampaignStatus.Paused;
        return Task.WhenAll(definition.PoolKeys(definition.Rounds).Select(poolKey => GrainFactory.GetGrain<IPoolGrain>(poolKey).SetPausedAsync(paused)));
    }

    private Task RegisterAsync() =>
        GrainFactory.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).RegisterAsync(this.GetPrimaryKeyString());

    private CampaignSnapshot? Snapshot() =>
        state.State.Definition is { } definition ? new(definition, state.State.Status, state.State.CreatedAt, state.State.Revision) : null;

    // Records holding lists compare by reference, so compare the canonical JSON instead.
    private static bool SameDefinition(CampaignDefinition a, CampaignDefinition b) =>
        JsonSerializer.Serialize(a, CampaignJson.Options) == JsonSerializer.Serialize(b, CampaignJson.Options);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} created with {Rounds} rounds and {CouponTypes} coupon types")]
    private partial void LogCreated(string campaignId, int rounds, int couponTypes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} has no coupon left that can expire or roll over; its lifecycle reminder stops")]
    private partial void LogLifecycleFinished(string campaignId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} warmed up for the opening of {Rounds}")]
    private partial void LogWarmedUp(string campaignId, string rounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up campaign {CampaignId} for a round's opening failed; its grains activate at the first claim")]
    private partial void LogWarmUpFailed(Exception exception, string campaignId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId} is now {Status}")]
    private partial void LogStatusChanged(string campaignId, CampaignStatus status);
}
