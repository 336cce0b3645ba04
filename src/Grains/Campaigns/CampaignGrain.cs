using System.Text.Json;
using Claims.Grains.Events;

namespace Claims.Grains.Campaigns;

public sealed partial class CampaignGrain(
    [PersistentState("campaign", StorageNames.Claims)] IPersistentState<CampaignState> state,
    IClaimsEventSink sink,
    TimeProvider time,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain
{
    private readonly EventOutbox<CampaignState> _outbox = new(state, sink, logger);

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
            if (!SameDefinition(existing, definition))
            {
                return new(CampaignCreationResult.Conflict, Snapshot(), []);
            }

            // A retry after a crash between storing and registering completes the registration.
            await RegisterAsync();
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

        state.State.Definition = definition;
        state.State.Status = CampaignStatus.Active;
        state.State.CreatedAt = time.GetUtcNow();
        var version = _outbox.NextVersion();
        _outbox.Raise(version, new CampaignCreated { EventId = $"campaign-created:{definition.Id}", OccurredAt = state.State.CreatedAt, Definition = definition });
        await _outbox.CommitAsync(version);
        await RegisterAsync();
        LogCreated(definition.Id, definition.Rounds.Count, definition.CouponTypes.Count);
        return new(CampaignCreationResult.Created, Snapshot(), []);
    }

    public Task<CampaignSnapshot?> GetAsync() => Task.FromResult(Snapshot());

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

    private Task PushStatusAsync()
    {
        var definition = state.State.Definition!;
        var paused = state.State.Status == CampaignStatus.Paused;
        return Task.WhenAll(
            from round in definition.Rounds
            from couponTypeId in round.Stock.Keys
            select GrainFactory.GetGrain<IPoolGrain>(GrainKeys.Pool(definition.Id, round.Id, couponTypeId)).SetPausedAsync(paused));
    }

    private Task RegisterAsync() =>
        GrainFactory.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).RegisterAsync(this.GetPrimaryKeyString());

    private CampaignSnapshot? Snapshot() =>
        state.State.Definition is { } definition ? new(definition, state.State.Status, state.State.CreatedAt) : null;

    // Records holding lists compare by reference, so compare the canonical JSON instead.
    private static bool SameDefinition(CampaignDefinition a, CampaignDefinition b) =>
        JsonSerializer.Serialize(a, CampaignJson.Options) == JsonSerializer.Serialize(b, CampaignJson.Options);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} created with {Rounds} rounds and {CouponTypes} coupon types")]
    private partial void LogCreated(string campaignId, int rounds, int couponTypes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId} is now {Status}")]
    private partial void LogStatusChanged(string campaignId, CampaignStatus status);
}
