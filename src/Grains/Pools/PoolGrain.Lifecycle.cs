using Claims.Contracts.Redemptions;
using Claims.Grains.Events;

namespace Claims.Grains.Pools;

// After the claim: redemptions, refunds, expiry, the round's close, and the coupons passed on to
// later rounds. The pool is where each of these commits, as it is for grants, so a coupon at two
// tills at once, or a refund racing the close, is decided in one place.
public sealed partial class PoolGrain
{
    // Where a coupon's value goes when no later round of its type and fund is left.
    private const string FundTarget = "";

    // What each later round's pool has confirmed receiving; pushed again after a restart.
    private readonly Dictionary<string, int> _acknowledged = new(StringComparer.Ordinal);
    private bool _pushing;

    public async ValueTask<RedemptionOutcome> RedeemAsync(PoolRedemption redemption)
    {
        var now = time.GetUtcNow();
        if (_book.Find(redemption.Sequence) is not { } life)
        {
            return RedemptionOutcome.Refused(RedemptionRefusal.CouponNotFound);
        }

        if (life.RedemptionBy(redemption.MerchantId, redemption.OrderId) is { } earlier)
        {
            await CommitAsync(earlier.Version);
            return RedemptionOutcome.Redeemed(Receipt(life, earlier));
        }

        if (life.Grant.OwnerId != redemption.UserId)
        {
            return RedemptionOutcome.Refused(RedemptionRefusal.NotOwner);
        }

        if (life.StatusAt(now) is var status && status != CouponStatus.Claimed)
        {
            if (life.Status == CouponStatus.Claimed)
            {
                // Expired on access: recorded now rather than at the next tick.
                await CommitAsync(Expire(life, now));
            }

            return RedemptionOutcome.Refused(status switch
            {
                CouponStatus.Used => RedemptionRefusal.AlreadyUsed,
                CouponStatus.Void => RedemptionRefusal.CouponVoid,
                _ => RedemptionRefusal.Expired,
            });
        }

        if (redemption.OrderAmount < _couponType.MinSpend)
        {
            return RedemptionOutcome.Refused(RedemptionRefusal.BelowMinSpend);
        }

        if (_couponType.MaxSpend is { } maxSpend && redemption.OrderAmount >= maxSpend)
        {
            return RedemptionOutcome.Refused(RedemptionRefusal.AboveMaxSpend);
        }

        // A list coupon with no minimum spend can be worth more than a small order.
        var discount = Math.Min(_couponType.FaceValue, redemption.OrderAmount);
        var change = new CouponChange(redemption.Sequence, CouponChangeKind.Redeemed, now, redemption.MerchantId, redemption.OrderId, redemption.OrderAmount, discount, null, null, _outbox.NextVersion());
        Record(life, change);
        var receipt = Receipt(life, change);
        _outbox.Raise(change.Version, new CouponRedeemed { EventId = $"redeemed:{redemption.MerchantId}/{redemption.OrderId}", OccurredAt = now, Coupon = ToCoupon(life, now), Receipt = receipt });
        await CommitAsync(change.Version);
        return RedemptionOutcome.Redeemed(receipt);
    }

    public async ValueTask<RedemptionReceipt?> FindRedemptionAsync(int sequence, string merchantId, string orderId)
    {
        if (_book.Find(sequence) is not { } life || life.RedemptionBy(merchantId, orderId) is not { } redemption)
        {
            return null;
        }

        await CommitAsync(redemption.Version);
        return Receipt(life, redemption);
    }

    public async ValueTask<RefundReceipt?> RefundAsync(int sequence, string merchantId, string orderId)
    {
        if (_book.Find(sequence) is not { } life || life.RedemptionBy(merchantId, orderId) is not { } redemption)
        {
            return null;
        }

        if (life.RefundOf(merchantId, orderId) is { } earlier)
        {
            await CommitAsync(earlier.Version);
            return RefundReceipt(life, earlier);
        }

        var now = time.GetUtcNow();
        var (destination, target) = (_campaign.RefundPolicy ?? RefundPolicy.Pool) == RefundPolicy.Owner && now < life.Grant.ValidUntil
            ? (RefundDestination.Owner, null)
            : _campaign.RolloverTarget(_round, _couponType.Id, now, includeFrom: true) is { } round
                ? (RefundDestination.Pool, round.Id)
                : (RefundDestination.Fund, (string?)null);
        var change = new CouponChange(sequence, CouponChangeKind.Refunded, now, merchantId, orderId, redemption.OrderAmount, redemption.Discount, destination, target, _outbox.NextVersion());
        Record(life, change);
        var receipt = RefundReceipt(life, change);
        _outbox.Raise(change.Version, new CouponRefunded { EventId = $"refunded:{merchantId}/{orderId}", OccurredAt = now, Coupon = ToCoupon(life, now), MerchantId = merchantId, Receipt = receipt });
        await CommitAsync(change.Version);
        await PushTransfersAsync();
        return receipt;
    }

    public async Task<bool> TickAsync()
    {
        var now = time.GetUtcNow();
        var version = 0L;
        foreach (var life in _book.DueForExpiry(now))
        {
            version = Expire(life, now);
        }

        if (!state.State.Closed && now >= _round.ClosesAt)
        {
            await CollectLoansAsync();
        }

        if (!state.State.Closed && now >= _round.ClosesAt)
        {
            // Where the leftover goes is decided as of the close, however late the tick runs.
            var target = _campaign.RolloverTarget(_round, _couponType.Id, _round.ClosesAt, includeFrom: false);
            var unclaimed = Capacity - _book.Granted;
            state.State.Closed = true;
            state.State.ClosedInto = target?.Id;
            version = _outbox.NextVersion();
            _outbox.Raise(version, new RoundClosed
            {
                EventId = $"closed:{this.GetPrimaryKeyString()}",
                OccurredAt = now,
                CampaignId = _campaign.Id,
                RoundId = _round.Id,
                CouponTypeId = _couponType.Id,
                Unclaimed = unclaimed,
                TargetRoundId = target?.Id,
            });
            LogClosed(this.GetPrimaryKeyString(), unclaimed, target?.Id ?? "the fund");
        }

        await CommitAsync(version);
        await PushTransfersAsync();
        return _outbox.AllDurable && Outgoing().All(o => o.Key == FundTarget || _acknowledged.GetValueOrDefault(o.Key) >= o.Value);
    }

    public async Task ReceiveAsync(string fromPoolKey, int total)
    {
        var before = state.State.Received.GetValueOrDefault(fromPoolKey);
        if (total > before)
        {
            state.State.Received[fromPoolKey] = total;
            var version = _outbox.NextVersion();
            _outbox.Raise(version, new StockReceived
            {
                EventId = $"received:{this.GetPrimaryKeyString()}:{fromPoolKey}:{total}",
                OccurredAt = time.GetUtcNow(),
                CampaignId = _campaign.Id,
                RoundId = _round.Id,
                CouponTypeId = _couponType.Id,
                FromRoundId = GrainKeys.ParsePool(fromPoolKey).RoundId,
                Count = total - before,
            });
            await CommitAsync(version);
        }

        // A closed round passes on whatever reaches it.
        if (state.State.Closed)
        {
            await PushTransfersAsync();
        }
    }

    private long Expire(CouponLife life, DateTimeOffset now)
    {
        // As of the moment the coupon lapsed, however late it is noticed.
        var target = _campaign.RolloverTarget(_round, _couponType.Id, life.Grant.ValidUntil, includeFrom: false);
        var change = new CouponChange(life.Grant.Sequence, CouponChangeKind.Expired, now, null, null, 0, 0, target is null ? RefundDestination.Fund : RefundDestination.Pool, target?.Id, _outbox.NextVersion());
        Record(life, change);
        _outbox.Raise(change.Version, new CouponExpired { EventId = $"expired:{ToCoupon(life, now).CouponId}", OccurredAt = now, Coupon = ToCoupon(life, now), TargetRoundId = target?.Id });
        return change.Version;
    }

    private void Record(CouponLife life, CouponChange change)
    {
        state.State.Changes.Open.Add(change);
        _book.Apply(change);
    }

    // Per later round (and FundTarget), how many coupons of this pool went there: refunds and
    // expiries, and after the close everything this pool could still have granted.
    private Dictionary<string, int> Outgoing()
    {
        var outgoing = new Dictionary<string, int>(_book.PassedOn, StringComparer.Ordinal)
        {
            [FundTarget] = _book.ToFund,
        };
        if (state.State.Closed)
        {
            var into = state.State.ClosedInto ?? FundTarget;
            outgoing[into] = outgoing.GetValueOrDefault(into) + Capacity - _book.Granted;
        }

        return outgoing;
    }

    // Tells each later round's pool its running total from this one. Totals only grow and the
    // receiver keeps the largest, so pushing again is harmless; only totals that are durable here
    // are pushed, so a crash cannot leave a receiver holding stock this pool no longer gave.
    private async Task PushTransfersAsync()
    {
        if (_pushing || !_outbox.AllDurable)
        {
            return;
        }

        _pushing = true;
        try
        {
            foreach (var (roundId, total) in Outgoing())
            {
                if (roundId != FundTarget && _acknowledged.GetValueOrDefault(roundId) < total)
                {
                    await GrainFactory.GetGrain<IPoolGrain>(PoolKeyIn(roundId)).ReceiveAsync(this.GetPrimaryKeyString(), total);
                    _acknowledged[roundId] = total;
                }
            }
        }
        catch (Exception exception)
        {
            // Pushed again at the next tick or change.
            LogPushFailed(exception, this.GetPrimaryKeyString());
        }
        finally
        {
            _pushing = false;
        }
    }

    private RedemptionReceipt Receipt(CouponLife life, CouponChange redemption) => new(
        CouponId(life.Grant.Sequence),
        redemption.MerchantId!,
        redemption.OrderId!,
        redemption.OrderAmount,
        redemption.Discount,
        redemption.OrderAmount - redemption.Discount,
        TimeZoneInfo.ConvertTime(redemption.At, _zone));

    private RefundReceipt RefundReceipt(CouponLife life, CouponChange refund) => new(
        CouponId(life.Grant.Sequence),
        refund.OrderId!,
        refund.Discount,
        refund.Destination!.Value,
        refund.TargetRoundId,
        TimeZoneInfo.ConvertTime(refund.At, _zone));

    [LoggerMessage(Level = LogLevel.Information, Message = "Pool {PoolKey} closed; {Unclaimed} unclaimed coupons go to {Target}")]
    private partial void LogClosed(string poolKey, int unclaimed, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pool {PoolKey} could not pass coupons on yet; it tries again at the next tick")]
    private partial void LogPushFailed(Exception exception, string poolKey);
}
