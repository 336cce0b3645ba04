using Claims.Grains.Events;

namespace Claims.Grains.Merchants;

public sealed partial class MerchantGrain(
    [PersistentState("merchant", StorageNames.Claims)] IPersistentState<MerchantState> state,
    IClaimsEventSink sink,
    TimeProvider time,
    ILogger<MerchantGrain> logger) : Grain, IMerchantGrain
{
    private readonly EventOutbox<MerchantState> _outbox = new(state, sink, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _outbox.RestoreAsync();

    public async Task<MerchantChange> RegisterAsync(MerchantRegistration registration, string? by = null)
    {
        if (state.State.Merchant is { } existing)
        {
            var same = existing.Name == registration.Name
                && existing.RegionCode == registration.RegionCode
                && existing.Industries.SequenceEqual(registration.Industries, StringComparer.Ordinal)
                && (existing.Attributes ?? []).SequenceEqual(registration.Attributes ?? [], StringComparer.Ordinal);
            return same ? await FiledAsync(existing) : new(existing, Applied: false);
        }

        var now = time.GetUtcNow();
        var merchant = new Merchant(this.GetPrimaryKeyString(), registration.Name, registration.Industries, registration.RegionCode, MerchantStatus.Pending, now, Steps: [new(MerchantStatus.Pending, now, by)], Attributes: registration.Attributes?.ToArray());
        state.State.Merchant = merchant;
        var version = _outbox.NextVersion();
        _outbox.Raise(version, new MerchantRegistered { EventId = $"merchant-registered:{merchant.Id}", OccurredAt = merchant.RegisteredAt, Merchant = merchant });
        await _outbox.CommitAsync(version);
        return await FiledAsync(merchant);
    }

    public Task<Merchant?> GetAsync() => Task.FromResult(state.State.Merchant);

    public Task<MerchantChange> ApproveAsync(string? by = null) => MoveAsync([MerchantStatus.Pending], MerchantStatus.Approved, by);

    public Task<MerchantChange> SuspendAsync(string? by = null) => MoveAsync([MerchantStatus.Approved], MerchantStatus.Suspended, by);

    public Task<MerchantChange> ReinstateAsync(string? by = null) => MoveAsync([MerchantStatus.Suspended], MerchantStatus.Approved, by);

    public Task<MerchantChange> BanAsync(string? by = null) => MoveAsync([MerchantStatus.Pending, MerchantStatus.Approved, MerchantStatus.Suspended], MerchantStatus.Banned, by);

    public async Task<MerchantChange> ReleaseAsync(string? by = null)
    {
        if (state.State.Merchant is not { } merchant)
        {
            return new(null, Applied: false);
        }

        if (!merchant.Held)
        {
            return new(merchant, Applied: false);
        }

        var now = time.GetUtcNow();
        var holds = merchant.Holds!;
        // Arrays: grain storage serializers cannot rebuild the compiler's own collection types.
        state.State.Merchant = merchant with
        {
            Holds = holds.Take(holds.Count - 1).Append(holds[^1] with { ReleasedAt = now }).ToArray(),
            Steps = (merchant.Steps ?? []).Append(new(merchant.Status, now, by, Released: true)).ToArray(),
        };
        var version = _outbox.NextVersion();
        _outbox.Raise(version, new MerchantHoldReleased { EventId = $"merchant-released:{merchant.Id}:{version}", OccurredAt = now, MerchantId = merchant.Id, HeldAt = holds[^1].HeldAt });
        await _outbox.CommitAsync(version);
        LogReleased(merchant.Id, holds[^1].HeldAt);
        return await FiledAsync(state.State.Merchant);
    }

    private async Task<MerchantChange> MoveAsync(MerchantStatus[] from, MerchantStatus to, string? by)
    {
        if (state.State.Merchant is not { } merchant)
        {
            return new(null, Applied: false);
        }

        // Asking for the status the merchant already has is a retry, not an error.
        if (merchant.Status == to)
        {
            return await FiledAsync(merchant);
        }

        if (!from.Contains(merchant.Status))
        {
            return new(merchant, Applied: false);
        }

        // Stopping a merchant holds its money back from the settlement until an operator decides.
        var now = time.GetUtcNow();
        var holds = to is MerchantStatus.Suspended or MerchantStatus.Banned && !merchant.Held
            ? (merchant.Holds ?? []).Append(new MerchantHold(now, null)).ToArray()
            : merchant.Holds;
        state.State.Merchant = merchant with { Status = to, Holds = holds, Steps = (merchant.Steps ?? []).Append(new(to, now, by)).ToArray() };
        var version = _outbox.NextVersion();
        _outbox.Raise(version, new MerchantStatusChanged { EventId = $"merchant-status:{merchant.Id}:{version}", OccurredAt = now, MerchantId = merchant.Id, Status = to });
        await _outbox.CommitAsync(version);
        LogStatusChanged(merchant.Id, to);
        return await FiledAsync(state.State.Merchant);
    }

    // Filed after the merchant's own write, and again on a retry, so a register that missed a
    // change (a crash between the two) is mended by repeating it.
    private async Task<MerchantChange> FiledAsync(Merchant merchant)
    {
        await GrainFactory.GetGrain<IMerchantRegisterGrain>(IMerchantRegisterGrain.Key).FileAsync(merchant);
        return new(merchant, Applied: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Merchant {MerchantId} is now {Status}")]
    private partial void LogStatusChanged(string merchantId, MerchantStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Money of merchant {MerchantId} held since {HeldAt} is released")]
    private partial void LogReleased(string merchantId, DateTimeOffset heldAt);
}
