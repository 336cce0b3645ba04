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

    public async Task<MerchantChange> RegisterAsync(MerchantRegistration registration)
    {
        if (state.State.Merchant is { } existing)
        {
            var same = existing.Name == registration.Name
                && existing.RegionCode == registration.RegionCode
                && existing.Industries.SequenceEqual(registration.Industries, StringComparer.Ordinal);
            return new(existing, Applied: same);
        }

        var merchant = new Merchant(this.GetPrimaryKeyString(), registration.Name, registration.Industries, registration.RegionCode, MerchantStatus.Pending, time.GetUtcNow());
        state.State.Merchant = merchant;
        var version = _outbox.NextVersion();
        _outbox.Raise(version, new MerchantRegistered { EventId = $"merchant-registered:{merchant.Id}", OccurredAt = merchant.RegisteredAt, Merchant = merchant });
        await _outbox.CommitAsync(version);
        return new(merchant, Applied: true);
    }

    public Task<Merchant?> GetAsync() => Task.FromResult(state.State.Merchant);

    public Task<MerchantChange> ApproveAsync() => MoveAsync(MerchantStatus.Pending, MerchantStatus.Approved);

    public Task<MerchantChange> SuspendAsync() => MoveAsync(MerchantStatus.Approved, MerchantStatus.Suspended);

    public Task<MerchantChange> ReinstateAsync() => MoveAsync(MerchantStatus.Suspended, MerchantStatus.Approved);

    private async Task<MerchantChange> MoveAsync(MerchantStatus from, MerchantStatus to)
    {
        if (state.State.Merchant is not { } merchant)
        {
            return new(null, Applied: false);
        }

        // Asking for the status the merchant already has is a retry, not an error.
        if (merchant.Status == to)
        {
            return new(merchant, Applied: true);
        }

        if (merchant.Status != from)
        {
            return new(merchant, Applied: false);
        }

        state.State.Merchant = merchant with { Status = to };
        var version = _outbox.NextVersion();
        _outbox.Raise(version, new MerchantStatusChanged { EventId = $"merchant-status:{merchant.Id}:{version}", OccurredAt = time.GetUtcNow(), MerchantId = merchant.Id, Status = to });
        await _outbox.CommitAsync(version);
        LogStatusChanged(merchant.Id, to);
        return new(state.State.Merchant, Applied: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Merchant {MerchantId} is now {Status}")]
    private partial void LogStatusChanged(string merchantId, MerchantStatus status);
}
