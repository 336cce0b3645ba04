using Claims.Contracts.Risk;
using Microsoft.Extensions.Options;

namespace Claims.Grains.Risk;

// The windows live in memory, for as long as the longest window (the grain is kept that long
// while idle): a restart forgets a merchant's recent pattern, which the next redemptions
// rebuild; the alerts themselves are stored by the alert book.
[CollectionAgeLimit(Days = 1)]
public sealed partial class RiskGrain(IOptions<RiskOptions> options, ILogger<RiskGrain> logger) : Grain, IRiskGrain
{
    // Sweeping residents and quiet times whose windows have passed, every so many redemptions,
    // keeps a busy merchant's memory to one day's residents.
    private const int SweepEvery = 256;

    private readonly Queue<DateTimeOffset> _burst = new();
    private readonly Queue<RedemptionSeen> _latest = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _byResident = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _quietUntil = new(StringComparer.Ordinal);
    private int _observed;

    public async Task ObserveAsync(RedemptionSeen redemption)
    {
        var o = options.Value;
        var at = redemption.At;
        Slide(_burst, at, at - o.BurstWindow);
        _latest.Enqueue(redemption);
        while (_latest.Count > o.MinimumSpendSample)
        {
            _latest.Dequeue();
        }

        if (!_byResident.TryGetValue(redemption.UserId, out var residentTimes))
        {
            _byResident[redemption.UserId] = residentTimes = new Queue<DateTimeOffset>();
        }

        Slide(residentTimes, at, at - o.RepeatResidentWindow);
        if (++_observed % SweepEvery == 0)
        {
            Sweep(at, o);
        }

        if (_burst.Count >= o.BurstCount)
        {
            await RaiseAsync(AlertKind.RedemptionBurst, "", redemption, $"{_burst.Count} redemptions within {o.BurstWindow}.");
        }

        var atMinimum = _latest.Count(r => r.OrderAmount <= r.MinSpend * (1 + o.MinimumSpendMargin));
        if (_latest.Count >= o.MinimumSpendSample && atMinimum >= o.MinimumSpendShare * _latest.Count)
        {
            await RaiseAsync(AlertKind.MinimumSpendOrders, "", redemption, $"{atMinimum} of the last {_latest.Count} orders within {o.MinimumSpendMargin:P0} above the minimum spend.");
        }

        if (residentTimes.Count >= o.RepeatResidentCount)
        {
            await RaiseAsync(AlertKind.RepeatResident, redemption.UserId, redemption, $"Resident {redemption.UserId}'s coupons used here {residentTimes.Count} times within {o.RepeatResidentWindow}.");
        }

        var hours = redemption.BusinessHours ?? o.DefaultBusinessHours;
        if (hours.Excludes(TimeOnly.FromTimeSpan(at.TimeOfDay)))
        {
            await RaiseAsync(AlertKind.OutsideBusinessHours, "", redemption, $"Order {redemption.OrderId} redeemed at {at:HH:mm} local time, outside {hours.Opens:HH\\:mm}-{hours.Closes:HH\\:mm}.");
        }
    }

    private static void Slide(Queue<DateTimeOffset> window, DateTimeOffset at, DateTimeOffset since)
    {
        window.Enqueue(at);
        while (window.Peek() <= since)
        {
            window.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now, RiskOptions o)
    {
        foreach (var (resident, times) in _byResident.Where(r => r.Value.Count == 0 || r.Value.Last() <= now - o.RepeatResidentWindow).ToList())
        {
            _byResident.Remove(resident);
        }

        foreach (var key in _quietUntil.Where(q => q.Value <= now).Select(q => q.Key).ToList())
        {
            _quietUntil.Remove(key);
        }
    }

    // Quiet only once the alert is stored: an alert the book could not take is raised again by
    // the next redemption that shows the pattern.
    private async Task RaiseAsync(AlertKind kind, string about, RedemptionSeen redemption, string detail)
    {
        var key = $"{kind}:{about}";
        if (_quietUntil.TryGetValue(key, out var quiet) && redemption.At < quiet)
        {
            return;
        }

        var merchantId = this.GetPrimaryKeyString();
        try
        {
            await GrainFactory.GetGrain<IAlertBookGrain>(IAlertBookGrain.Key)
                .AddAsync(new RiskAlert(Guid.NewGuid().ToString("N")[..16], merchantId, kind, redemption.CampaignId, redemption.At, detail));
            _quietUntil[key] = redemption.At + options.Value.Quiet;
            LogRaised(merchantId, kind, detail);
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException or InvalidOperationException)
        {
            LogNotStored(exception, merchantId, kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk alert on merchant {MerchantId}: {Kind}: {Detail}")]
    private partial void LogRaised(string merchantId, AlertKind kind, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Kind} alert on merchant {MerchantId} could not be stored; the next redemption showing it raises it again")]
    private partial void LogNotStored(Exception exception, string merchantId, AlertKind kind);
}
