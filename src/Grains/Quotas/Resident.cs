namespace Claims.Grains.Quotas;

/// <summary>
/// One resident's coupons as a quota grain knows them, and the claim of theirs in progress; in a
/// campaign whose limits count persons, one person's, over all their accounts.
/// </summary>
internal sealed class Resident
{
    private Task _tail = Task.CompletedTask;

    public Dictionary<string, Coupon> Coupons { get; } = new(StringComparer.Ordinal);

    /// <summary>No claim of this resident is running or waiting.</summary>
    public bool IsIdle => _tail.IsCompleted;

    /// <summary>By account and request key: request keys are the account's, and one person may have several accounts.</summary>
    public Dictionary<(string OwnerId, string RequestKey), Coupon> ByRequest { get; } = [];

    public void Record(Coupon coupon)
    {
        Coupons[coupon.CouponId] = coupon;
        ByRequest[(coupon.OwnerId, coupon.RequestKey)] = coupon;
    }

    /// <summary>
    /// Starts a claim of this idle resident decided at once by the caller; later claims wait for
    /// the turn's end. Ends with <see cref="TaskCompletionSource.SetResult"/> on what it returns.
    /// </summary>
    public TaskCompletionSource BeginTurn()
    {
        var mine = new TaskCompletionSource();
        _tail = mine.Task;
        return mine;
    }

    /// <summary>
    /// Runs <paramref name="claim"/> after every earlier claim of this resident has finished, so a
    /// limit is checked and the grant recorded with no other claim of theirs in between; claims of
    /// other residents of the grain go on meanwhile.
    /// </summary>
    public async Task<T> InTurnAsync<T>(Func<Task<T>> claim)
    {
        var previous = _tail;
        var mine = new TaskCompletionSource();
        _tail = mine.Task;
        try
        {
            await previous;
            return await claim();
        }
        finally
        {
            mine.SetResult();
        }
    }
}
