using Claims.Contracts.Risk;
using Microsoft.Extensions.Options;

namespace Claims.Grains.Risk;

// The windows live in memory: a restart forgets the last minutes of a merchant's pattern, which
// the next redemptions rebuild; the alerts themselves are stored by the alert book.
public sealed partial class RiskGrain(IOptions<RiskOptions> options, ILogger<RiskGrain> logger) : Grain, IRiskGrain
{
    private readonly Queue<RedemptionSeen> _recent = new();
    private readonly Queue<RedemptionSeen> _latest = new();
    private readonly Dictionary<string, DateTimeOffset> _quietUntil = new(StringComparer.Ordinal);

    public async Task ObserveAsync(RedemptionSeen redemption)
    {
        var o = options.Value;
        var window = Max(o.BurstWindow, o.RepeatResidentWindow);
        _recent.Enqueue(redemption);
        while (_recent.Peek().At < redemption.At - window)
        {
            _recent.Dequeue();
        }

        _latest.Enqueue(redemption);
        while (_latest.Count > o.MinimumSpendSample)
        {
            _latest.Dequeue();
        }

        var burst = _recent.Count(r => r.At > redemption.At - o.BurstWindow);
        if (burst >= o.BurstCount)
        {
            await RaiseAsync(AlertKind.RedemptionBurst, "", redemption, $"{burst} redemptions within {o.BurstWindow}.");
        }

        var atMinimum = _latest.Count(r => r.OrderAmount <= r.MinSpend * (1 + o.MinimumSpendMargin));
        if (_latest.Count >= o.MinimumSpendSample && atMinimum >= o.MinimumSpendShare * _latest.Count)
        {
            await RaiseAsync(AlertKind.MinimumSpendOrders, "", redemption, $"{atMinimum} of the last {_latest.Count} orders within {o.MinimumSpendMargin:P0} above the minimum spend.");
        }

        var repeats = _recent.Count(r => r.UserId == redemption.UserId && r.At > redemption.At - o.RepeatResidentWindow);
        if (repeats >= o.RepeatResidentCount)
        {
            await RaiseAsync(AlertKind.RepeatResident, redemption.UserId, redemption, $"Resident {redemption.UserId}'s coupons used here {repeats} times within {o.RepeatResidentWindow}.");
        }

        if (OutsideBusinessHours(redemption.At.TimeOfDay, o))
        {
            await RaiseAsync(AlertKind.OutsideBusinessHours, "", redemption, $"Order {redemption.OrderId} redeemed at {redemption.At:HH:mm} local time, outside {o.BusinessOpens:hh\\:mm}-{o.BusinessCloses:hh\\:mm}.");
        }
    }

    private static bool OutsideBusinessHours(TimeSpan local, RiskOptions o) =>
        o.BusinessOpens != o.BusinessCloses && (o.BusinessOpens < o.BusinessCloses
            ? local < o.BusinessOpens || local >= o.BusinessCloses
            : local < o.BusinessOpens && local >= o.BusinessCloses);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task RaiseAsync(AlertKind kind, string about, RedemptionSeen redemption, string detail)
    {
        var key = $"{kind}:{about}";
        if (_quietUntil.TryGetValue(key, out var quiet) && redemption.At < quiet)
        {
            return;
        }

        _quietUntil[key] = redemption.At + options.Value.Quiet;
        var merchantId = this.GetPrimaryKeyString();
        LogRaised(merchantId, kind, detail);
        await GrainFactory.GetGrain<IAlertBookGrain>(IAlertBookGrain.Key)
            .AddAsync(new RiskAlert(Guid.NewGuid().ToString("N")[..16], merchantId, kind, redemption.CampaignId, redemption.At, detail));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk alert on merchant {MerchantId}: {Kind}: {Detail}")]
    private partial void LogRaised(string merchantId, AlertKind kind, string detail);
}
