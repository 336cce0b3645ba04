using Claims.Contracts.Redemptions;

namespace Claims.Grains.Pools;

// After the claim: redemptions, refunds, expiry, the round's close, and the coupons passed on to
// later rounds. The pool is where each of these commits, as it is for grants, so a coupon at two
// tills at once, or a refund racing the close, is decided in one place.
public sealed partial class PoolGrain
{
    // Where a coupon's value goes when no later round of its type and fund is left.
    private const string FundTarget = "";

    // What each later round's pool has confirmed receiving, by its key; pushed again after a restart.
    private readonly RunningTotals<string> _acknowledged = new(StringComparer.Ordinal);
    private bool _pushing;
    private bool _pushAgain;

    public async ValueTask<RedemptionOutcome> RedeemAsync(PoolRedemption redemption)
    {
        _journal.ThrowIfFailed();
        var now = time.GetUtcNow();
        if (_book.Find(redemption.Sequence) is not { } life)
        {
            return RedemptionOutcome.Refused(RedemptionRefusal.CouponNotFound);
        }

        if (life.RedemptionBy(redemption.MerchantId, redemption.OrderId) is { } earlier)
        {
            await _journal.CommitAsync();
            return RedemptionOutcome.Redeemed(_coupons.ReceiptOf(earlier));
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
                Expire(life, now);
                await _journal.CommitAsync();
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

        // A list coupon with no minimum spend can be worth more than a small order; a stored-value
        // coupon gives what is left of it.
        var discount = Math.Min(life.Balance ?? _couponType.FaceValue, redemption.OrderAmount);
        var change = new CouponChange(redemption.Sequence, CouponChangeKind.Redeemed, now, redemption.MerchantId, redemption.OrderId, redemption.OrderAmount, discount, null, null, redemption.RegionCode, life.Balance - discount);
        Record(life, change);
        await _journal.CommitAsync();
        return RedemptionOutcome.Redeemed(_coupons.ReceiptOf(change));
    }

    public async ValueTask<RedemptionReceipt?> FindRedemptionAsync(int sequence, string merchantId, string orderId)
    {
        if (_book.Find(sequence) is not { } life || life.RedemptionBy(merchantId, orderId) is not { } redemption)
        {
            return null;
        }

        _journal.ThrowIfFailed();
        await _journal.CommitAsync();
        return _coupons.ReceiptOf(redemption);
    }

    public async ValueTask<RefundOutcome?> RefundAsync(int sequence, string merchantId, string orderId) =>
        await UndoAsync(sequence, merchantId, orderId, CouponChangeKind.Refunded) is var (refund, reversal)
            ? new(refund is null ? null : _coupons.RefundReceiptOf(refund), reversal is null ? null : _coupons.ReversalReceiptOf(reversal))
            : null;

    public async ValueTask<ReversalOutcome?> ReverseAsync(int sequence, string merchantId, string orderId) =>
        await UndoAsync(sequence, merchantId, orderId, CouponChangeKind.Reversed) is var (refund, reversal)
            ? new(reversal is null ? null : _coupons.ReversalReceiptOf(reversal), refund is null ? null : _coupons.RefundReceiptOf(refund))
            : null;

    // A refund or a reversal of the merchant's order: whichever came first stands, and answers
    // both. The order's discount comes back, and the coupon goes to its owner (a refund under the
    // owner policy, while valid) or its value to the open round of its type, else the next of its
    // fund, else the fund. Null when the order did not use this coupon.
    private async ValueTask<(CouponChange? Refund, CouponChange? Reversal)?> UndoAsync(int sequence, string merchantId, string orderId, CouponChangeKind kind)
    {
        _journal.ThrowIfFailed();
        if (_book.Find(sequence) is not { } life || life.RedemptionBy(merchantId, orderId) is not { } redemption)
        {
            return null;
        }

        if ((life.RefundOf(merchantId, orderId), life.ReversalOf(merchantId, orderId)) is var earlier && (earlier.Item1 ?? earlier.Item2) is not null)
        {
            await _journal.CommitAsync();
            return earlier;
        }

        if (life.ReviewOf(merchantId, orderId) is { Kind: CouponChangeKind.Rejected })
        {
            // A rejected redemption was undone by its review: nothing is left to refund or reverse.
            await _journal.CommitAsync();
            return (null, null);
        }

        var now = time.GetUtcNow();
        var (destination, target) = Destination(life, now, toOwner: _couponType.StoredValue || (kind == CouponChangeKind.Refunded && (_campaign.RefundPolicy ?? RefundPolicy.Pool) == RefundPolicy.Owner));
        var change = new CouponChange(sequence, kind, now, merchantId, orderId, redemption.OrderAmount, redemption.Discount, destination, target);
        Record(life, change);
        await _journal.CommitAsync();
        await PushTransfersAsync();
        return kind == CouponChangeKind.Refunded ? (change, null) : (null, change);
    }

    public async ValueTask<PoolReview?> ReviewAsync(int sequence, string merchantId, string orderId, bool approve)
    {
        _journal.ThrowIfFailed();
        if (_book.Find(sequence) is not { } life || life.RedemptionBy(merchantId, orderId) is not { } redemption)
        {
            return null;
        }

        if ((life.ReviewOf(merchantId, orderId), life.RefundOf(merchantId, orderId) ?? life.ReversalOf(merchantId, orderId)) is var (review, undo) && (review ?? undo) is not null)
        {
            await _journal.CommitAsync();
            return review is not null ? PoolCoupons.ReviewOf(review) : new(ReviewStatus.Withdrawn, undo!.At, null, null);
        }

        var now = time.GetUtcNow();
        var (destination, target) = approve ? ((RefundDestination?)null, (string?)null) : Destination(life, now, toOwner: true);
        var change = new CouponChange(sequence, approve ? CouponChangeKind.Approved : CouponChangeKind.Rejected, now, merchantId, orderId, redemption.OrderAmount, redemption.Discount, destination, target);
        Record(life, change);
        await _journal.CommitAsync();
        await PushTransfersAsync();
        return PoolCoupons.ReviewOf(change);
    }

    // Where a coupon taken off an order goes: back to its owner when asked and still valid, else
    // its value to the open round of its type, else the next of its fund, else the fund.
    // Part of a stored-value coupon is not a coupon a later round could grant again: it goes to the fund.
    private (RefundDestination, string?) Destination(CouponLife life, DateTimeOffset now, bool toOwner) =>
        toOwner && now < life.ValidUntil
            ? (RefundDestination.Owner, null)
            : _couponType.StoredValue ? (RefundDestination.Fund, null)
            : _campaign.RolloverTarget(_round, _couponType.Id, now, includeFrom: true) is { } round
                ? (RefundDestination.Pool, round.Id)
                : (RefundDestination.Fund, null);

    public async Task<bool> TickAsync()
    {
        _journal.ThrowIfFailed();
        var now = time.GetUtcNow();
        foreach (var life in _book.DueForExpiry(now))
        {
            Expire(life, now);
        }

        if (_closure is null && now >= _round.ClosesAt)
        {
            await CollectLoansAsync();
        }

        if (_closure is null && now >= _round.ClosesAt)
        {
            // Where the leftover goes is decided as of the close, however late the tick runs: the
            // next round of this type, or of the type the operator routed it into.
            var into = _round.RolloverType(_couponType.Id);
            var target = _campaign.RolloverTarget(_round, into, _round.ClosesAt, includeFrom: false);
            _closure = new PoolClosure(now, target?.Id, Capacity - _book.Granted, into == _couponType.Id ? null : into);
            _journal.Close(_closure);
            LogClosed(this.GetPrimaryKeyString(), _closure.Unclaimed, target?.Id ?? "the fund");
        }

        await _journal.CommitAsync();
        await PushTransfersAsync();
        return _journal.AllCommitted && Outgoing().All(o => o.Key == FundTarget || _acknowledged.Of(o.Key) >= o.Value);
    }

    public async Task ReceiveAsync(string fromPoolKey, int total)
    {
        _journal.ThrowIfFailed();
        if (_received.Raise(fromPoolKey, total) > 0)
        {
            CountRolledIn();
            _journal.Receive(fromPoolKey, total);
            if (_closure is not null)
            {
                // The closure's count is a running total of what the close passed on, so the
                // ledger shows stock that reaches an already closed round leaving it again.
                _closure = _closure with { Unclaimed = Capacity - _book.Granted };
                _journal.Close(_closure);
            }

            await _journal.CommitAsync();
        }

        // A closed round passes on whatever reaches it.
        if (_closure is not null)
        {
            await PushTransfersAsync();
        }
    }

    private void Expire(CouponLife life, DateTimeOffset now)
    {
        // As of the moment the coupon lapsed, however late it is noticed.
        var target = _couponType.StoredValue && life.Spent > 0 ? null : _campaign.RolloverTarget(_round, _couponType.Id, life.ValidUntil, includeFrom: false);
        Record(life, new CouponChange(life.Grant.Sequence, CouponChangeKind.Expired, now, null, null, 0, 0, target is null ? RefundDestination.Fund : RefundDestination.Pool, target?.Id));
    }

    private void Record(CouponLife life, CouponChange change)
    {
        _book.Apply(change);
        _journal.Change(change);
    }

    // Per pool of a later round (and FundTarget), how many coupons of this pool went there:
    // refunds and expiries, and after the close everything this pool could still have granted.
    private Dictionary<string, int> Outgoing()
    {
        var outgoing = _book.PassedOn.ToDictionary(p => PoolKeyIn(p.Key), p => p.Value, StringComparer.Ordinal);
        outgoing[FundTarget] = _book.ToFund;
        if (_closure is not null)
        {
            var into = _closure.IntoRoundId is { } roundId ? PoolKeyIn(roundId, _closure.IntoCouponTypeId) : FundTarget;
            outgoing[into] = outgoing.GetValueOrDefault(into) + Capacity - _book.Granted;
        }

        return outgoing;
    }

    private void CountRolledIn() => _rolledIn = _received.SumOf((from, total) => RolloverValue.Coupons(_campaign, from, _couponType, total));

    // Tells each later round's pool its running total from this one. Totals only grow and the
    // receiver keeps the largest, so pushing again is harmless; only totals that are in the
    // journal are pushed, so a crash cannot leave a receiver holding stock this pool no longer gave.
    private async Task PushTransfersAsync()
    {
        if (_pushing)
        {
            // Totals raised while a push is under way (stock reaching a closed round) go out with it.
            _pushAgain = true;
            return;
        }

        if (!_journal.AllCommitted)
        {
            return;
        }

        _pushing = true;
        try
        {
            do
            {
                _pushAgain = false;
                foreach (var (poolKey, total) in Outgoing())
                {
                    if (poolKey != FundTarget && _acknowledged.Of(poolKey) < total)
                    {
                        await GrainFactory.GetGrain<IPoolGrain>(poolKey).ReceiveAsync(this.GetPrimaryKeyString(), total);
                        _acknowledged.Raise(poolKey, total);
                    }
                }
            }
            while (_pushAgain && _journal.AllCommitted);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Pool {PoolKey} closed; {Unclaimed} unclaimed coupons go to {Target}")]
    private partial void LogClosed(string poolKey, int unclaimed, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pool {PoolKey} could not pass coupons on yet; it tries again at the next tick")]
    private partial void LogPushFailed(Exception exception, string poolKey);
}
