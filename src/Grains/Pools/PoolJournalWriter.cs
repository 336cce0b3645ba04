using Claims.Contracts.Draws;
using Claims.Grains.Events;
using Orleans.Storage;

namespace Claims.Grains.Pools;

/// <summary>
/// A pool's way into its journal. What the pool decides waits here for the next append, and one
/// append at a time takes everything waiting: while one is written, the grants and changes of
/// every call that arrives join the next, so a pool appends once per commit of the silo's ledger
/// writer however many calls it serves meanwhile. A call is answered once an append holding its
/// entries is durable.
/// </summary>
/// <remarks>
/// An append that fails, or finds its version taken by another activation, leaves this activation
/// not knowing what its journal holds: it refuses every later call and asks to be deactivated,
/// and the next activation reads the journal again. Its callers get an error they may retry, and
/// nothing they were not told survives as theirs unless the journal has it.
/// </remarks>
internal sealed class PoolJournalWriter(
    IPoolJournal journal,
    string poolKey,
    PoolSnapshot committed,
    PoolSnapshotStore snapshots,
    TimeProvider time,
    Action onCommitted,
    Action onFailed)
{
    // A copy is stored when the journal has grown past the last copy by this many entries or by
    // the size of that copy, whichever is more: a pool's copies cost each entry a couple of
    // serializations over its life, however large it grows.
    private const int SnapshotMinimumEntries = 4096;

    private List<PoolGrant> _grants = [];
    private List<CouponChange> _changes = [];
    private List<Registration> _registrations = [];
    private Dictionary<string, int> _received = new(StringComparer.Ordinal);
    private Dictionary<int, int> _lent = [];
    private Dictionary<int, int> _borrowed = [];
    private Dictionary<int, Guid> _fences = [];
    private PoolClosure? _closure;
    private long _decided;
    private long _committed;
    private Task _appending = Task.CompletedTask;
    private Exception? _failure;
    private int _snapshotEntries = committed.Entries;

    /// <summary>Everything decided so far is in the journal.</summary>
    public bool AllCommitted => _committed == _decided;

    public void Grant(PoolGrant grant)
    {
        _grants.Add(grant);
        _decided++;
    }

    public void Change(CouponChange change)
    {
        _changes.Add(change);
        _decided++;
    }

    public void Register(Registration registration)
    {
        _registrations.Add(registration);
        _decided++;
    }

    public void Receive(string fromPoolKey, int total)
    {
        _received[fromPoolKey] = total;
        _decided++;
    }

    public void Close(PoolClosure closure)
    {
        _closure = closure;
        _decided++;
    }

    public void Lend(int borrower, int total)
    {
        _lent[borrower] = total;
        _decided++;
    }

    public void Borrow(int lender, int total)
    {
        _borrowed[lender] = total;
        _decided++;
    }

    /// <summary>
    /// Records that <paramref name="slot"/>'s residents are now served by the quota activation
    /// <paramref name="fence"/>. Its append moves the journal's version, so an older activation of
    /// this pool that still takes that activation's predecessor's grants can no longer append them.
    /// </summary>
    public void Fence(int slot, Guid fence)
    {
        _fences[slot] = fence;
        _decided++;
    }

    /// <summary>Throws once an append has failed: this activation's memory may hold what its journal does not.</summary>
    public void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new OrleansException($"Pool {poolKey} lost track of its journal and is reading it again; retry.", _failure);
        }
    }

    /// <summary>Returns once everything decided so far is in the journal.</summary>
    public async ValueTask CommitAsync()
    {
        var target = _decided;
        while (_committed < target)
        {
            ThrowIfFailed();
            if (_appending.IsCompleted)
            {
                _appending = AppendAsync();
            }

            await _appending;
        }
    }

    private async Task AppendAsync()
    {
        var append = new PoolAppended
        {
            EventId = PoolAppended.EventIdOf(poolKey, committed.Version + 1),
            OccurredAt = time.GetUtcNow(),
            PoolKey = poolKey,
            Version = committed.Version + 1,
            Grants = _grants,
            Changes = _changes,
            Registrations = _registrations,
            Received = [.. _received.Select(r => new StockTotal(r.Key, r.Value))],
            Closure = _closure,
            Lent = Totals(_lent),
            Borrowed = Totals(_borrowed),
            Fences = [.. _fences.Select(f => new SlotFence(f.Key, f.Value))],
        };
        var upTo = _decided;
        _grants = [];
        _changes = [];
        _registrations = [];
        _received = new(StringComparer.Ordinal);
        _lent = [];
        _borrowed = [];
        _fences = [];
        _closure = null;

        try
        {
            if (!await journal.AppendAsync(append))
            {
                throw new InconsistentStateException($"Version {append.Version} of pool {poolKey}'s journal was written by another activation.");
            }
        }
        catch (Exception exception)
        {
            _failure = exception;
            onFailed();
            throw;
        }

        committed.Apply(append);
        _committed = upTo;
        onCommitted();
        if (committed.Entries - _snapshotEntries >= Math.Max(SnapshotMinimumEntries, _snapshotEntries) && snapshots.TryWrite(committed.Copy()))
        {
            _snapshotEntries = committed.Entries;
        }
    }

    private static LoanTotal[] Totals(Dictionary<int, int> totals) => [.. totals.Select(t => new LoanTotal(t.Key, t.Value))];
}
