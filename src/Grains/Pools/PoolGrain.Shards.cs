namespace Claims.Grains.Pools;

// A split pool's shards lend each other stock, so that none refuses a claim as sold out while a
// sibling still has some. Loans are running totals, like the transfers between rounds: a lender
// stores what it has lent before it answers, and the borrower keeps the largest total it was
// told, so a loan whose answer was lost (or whose borrower crashed before storing it) is
// collected by the next call, at the latest when the round closes.
public sealed partial class PoolGrain
{

    // Whether this activation has asked every sibling what it lent here: a loan stored by the
    // lender but never by this shard (its answer lost, or this shard restarted) is stock only a
    // collection finds.
    private bool _loansCollected;

    private int ShareOf(int stock) => _shard is { } shard ? ShardStock.Of(stock, _shards, shard) : stock;

    // The pool in another round that takes what this one passes on: of this coupon type the shard
    // with the same number, since a type has as many shards in every round; of another type (a
    // close routed across types) the shard of that number among its own.
    private string PoolKeyIn(string roundId, string? couponTypeId = null) =>
        couponTypeId is null || couponTypeId == _couponType.Id
            ? GrainKeys.Pool(_campaign.Id, roundId, _couponType.Id, _shard)
            : GrainKeys.Pool(_campaign.Id, roundId, couponTypeId, _campaign.FindCouponType(couponTypeId)!.PoolShards is var shards and > 1 ? (_shard ?? 0) % shards : null);

    public async Task<int> LendAsync(int borrower, int wanted)
    {
        _journal.ThrowIfFailed();
        if (wanted > 0 && !_loansCollected && Capacity - _book.Granted < wanted)
        {
            await CollectLoansAsync();
        }

        var now = time.GetUtcNow();
        var lendable = _closure is not null || _paused || now < _round.OpensAt || now >= _round.ClosesAt ? 0 : Math.Max(0, Capacity - _book.Granted);
        var lent = Math.Min(wanted, lendable);
        if (lent > 0)
        {
            _journal.Lend(borrower, _loans.Lend(borrower, lent));
            PostCounts();
        }

        // Nothing is told that a crash could take back: a borrower grants from the total. The
        // total is taken now; a concurrent loan raises it after, and is told by its own call once
        // its own append is done.
        var total = _loans.LentTo(borrower);
        await _journal.CommitAsync();
        return total;
    }

    // The claims of a batch this shard refused as sold out are decided again with what the
    // siblings lend, asked for exactly as many as were refused: a loan always arrives where
    // claims are waiting for it, so none sits unused with a shard nobody asks. Batches borrow
    // concurrently and a loan's answer can carry another batch's too, so what decides is whether
    // this shard has stock after asking, not who asked for it. Returns whether anything must be
    // in the journal before the batch is answered (the loans go in the same append as the grants).
    private async Task<bool> GrantFromSiblingsAsync(IReadOnlyList<PoolGrantRequest> requests, ClaimOutcome[] outcomes)
    {
        var commit = false;
        while (_shard is not null)
        {
            var dry = Enumerable.Range(0, outcomes.Length).Where(i => outcomes[i].Refusal == ClaimRefusal.SoldOut).ToList();
            if (dry.Count == 0)
            {
                break;
            }

            if (_book.Granted >= Capacity && !_loansCollected)
            {
                await CollectLoansAsync();
            }

            if (_book.Granted >= Capacity)
            {
                commit |= await BorrowAsync(dry.Count);
                if (_book.Granted >= Capacity)
                {
                    break;
                }
            }

            foreach (var i in dry)
            {
                (outcomes[i], var store) = Decide(requests[i]);
                commit |= store;
            }
        }

        return commit;
    }

    // Asks the siblings in turn, starting with the next, until the coupons wanted are lent;
    // whether any lent something. A sibling that cannot answer lends
    // nothing this time: the batch is answered with what the others lent, not failed.
    private async Task<bool> BorrowAsync(int wanted)
    {
        var borrowed = false;
        for (var step = 1; step < _shards && wanted > 0; step++)
        {
            var sibling = (_shard!.Value + step) % _shards;
            try
            {
                var got = await CollectAsync(sibling, wanted);
                wanted -= got;
                borrowed |= got > 0;
            }
            catch (Exception exception) when (exception is TimeoutException or OrleansException)
            {
                LogSiblingUnavailable(exception, this.GetPrimaryKeyString(), sibling);
            }
        }

        return borrowed;
    }

    // What the sibling lent beyond what it had lent before, recorded for the next append.
    private async Task<int> CollectAsync(int sibling, int wanted)
    {
        var key = GrainKeys.Pool(_campaign.Id, _round.Id, _couponType.Id, sibling);
        var total = await GrainFactory.GetGrain<IPoolGrain>(key).LendAsync(_shard!.Value, wanted);
        var more = _loans.Borrowed(sibling, total);
        if (more > 0)
        {
            _journal.Borrow(sibling, total);
        }

        return more;
    }

    // Before the close counts what is left, and before this activation first lends or borrows: a
    // loan stored by a sibling but never by this shard would otherwise belong to neither. A
    // sibling that cannot answer fails the collection; the close is retried at the next tick.
    private async Task CollectLoansAsync()
    {
        if (_shard is null)
        {
            return;
        }

        foreach (var sibling in Enumerable.Range(0, _shards).Where(s => s != _shard))
        {
            await CollectAsync(sibling, 0);
        }

        await _journal.CommitAsync();
        _loansCollected = true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pool shard {PoolKey} could not borrow from sibling {Sibling}; it lends nothing this time")]
    private partial void LogSiblingUnavailable(Exception exception, string poolKey, int sibling);
}
