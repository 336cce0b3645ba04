using Claims.Contracts.Redemptions;

namespace Claims.Grains.Pools;

/// <summary>
/// A pool's coupons in memory, indexed for each way they are looked up, with the counts the pool
/// reports. Built by replaying the grant log and then the change log, and kept current by
/// applying each new grant and change the same way.
/// </summary>
internal sealed class CouponBook(string roundId, Func<DateTimeOffset, DateTimeOffset> extended, decimal? storedValue = null)
{
    private Func<DateTimeOffset, DateTimeOffset> _extended = extended;

    private readonly List<CouponLife> _bySequence = [];
    private readonly Dictionary<(string OwnerId, string RequestKey), CouponLife> _byRequest = [];
    private readonly Dictionary<int, List<CouponLife>> _byShard = [];
    private readonly Dictionary<string, int> _heldBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _passedOn = new(StringComparer.Ordinal);
    private readonly int[] _byStatus = new int[Enum.GetValues<CouponStatus>().Length];

    // Coupons before this position are all past their validity; validity only grows with the
    // sequence (extensions keep that order), so the next expiries are always found here.
    private int _expiryCursor;

    public int Granted => _bySequence.Count;

    public int InStatus(CouponStatus status) => _byStatus[(int)status];

    /// <summary>Redemptions not refunded, reversed or rejected: a stored-value coupon may have several.</summary>
    public int StandingRedemptions { get; private set; }

    /// <summary>Refunded coupons whose value came back to this same round.</summary>
    public int RefundedHere { get; private set; }

    /// <summary>Coupons whose value went to the fund on a refund or an expiry.</summary>
    public int ToFund { get; private set; }

    /// <summary>Per later round, the coupons whose value went there on a refund or an expiry.</summary>
    public IReadOnlyDictionary<string, int> PassedOn => _passedOn;

    public void Add(PoolGrant grant)
    {
        var life = new CouponLife(grant, storedValue);
        life.ValidUntil = _extended(grant.ValidUntil);
        _bySequence.Add(life);
        _byRequest[(grant.OwnerId, grant.RequestKey)] = life;
        var shard = grant.Slot();
        if (!_byShard.TryGetValue(shard, out var owned))
        {
            _byShard[shard] = owned = [];
        }

        owned.Add(life);
        _heldBy[grant.OwnerId] = _heldBy.GetValueOrDefault(grant.OwnerId) + 1;
        _byStatus[(int)CouponStatus.Claimed]++;
    }

    public void Apply(CouponChange change)
    {
        var life = _bySequence[change.Sequence - 1];
        _byStatus[(int)life.Status]--;
        life.Apply(change);
        _byStatus[(int)life.Status]++;
        StandingRedemptions += change.Kind switch
        {
            CouponChangeKind.Redeemed => 1,
            CouponChangeKind.Refunded or CouponChangeKind.Reversed or CouponChangeKind.Rejected => -1,
            _ => 0,
        };
        if (change.Kind is CouponChangeKind.Redeemed or CouponChangeKind.Approved || change.Destination == RefundDestination.Owner)
        {
            return;
        }

        if (change.TargetRoundId is not { } target)
        {
            ToFund++;
        }
        else if (target == roundId)
        {
            RefundedHere++;
        }
        else
        {
            _passedOn[target] = _passedOn.GetValueOrDefault(target) + 1;
        }
    }

    /// <summary>
    /// Lengthens the validity of every coupon in its owner's hands as the round's extensions now
    /// say. Extensions keep validity in the order of the sequence, so expiries are still found in order.
    /// </summary>
    public void Extend(Func<DateTimeOffset, DateTimeOffset> extended)
    {
        _extended = extended;
        foreach (var life in _bySequence)
        {
            life.ValidUntil = extended(life.Grant.ValidUntil);
        }
    }

    public CouponLife? Find(int sequence) => sequence >= 1 && sequence <= _bySequence.Count ? _bySequence[sequence - 1] : null;

    public CouponLife? Find(string ownerId, string requestKey) => _byRequest.GetValueOrDefault((ownerId, requestKey));

    /// <summary>How many coupons of this pool were granted to <paramref name="ownerId"/>, whatever became of them.</summary>
    public int HeldBy(string ownerId) => _heldBy.GetValueOrDefault(ownerId);

    /// <summary>The coupons granted to the residents (or persons) of quota slot <paramref name="shard"/>.</summary>
    public IReadOnlyList<CouponLife> OfShard(int shard) => _byShard.TryGetValue(shard, out var owned) ? owned : [];

    /// <summary>Unused coupons whose validity has passed at <paramref name="now"/> and that are not recorded as expired yet.</summary>
    public List<CouponLife> DueForExpiry(DateTimeOffset now)
    {
        var due = new List<CouponLife>();
        while (_expiryCursor < _bySequence.Count && _bySequence[_expiryCursor].ValidUntil <= now)
        {
            if (_bySequence[_expiryCursor].Status == CouponStatus.Claimed)
            {
                due.Add(_bySequence[_expiryCursor]);
            }

            _expiryCursor++;
        }

        return due;
    }
}
