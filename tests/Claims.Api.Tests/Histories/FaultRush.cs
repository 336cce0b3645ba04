namespace Claims.Api.Tests.Histories;

/// <summary>
/// A claim rush on one coupon type of a cluster of real nodes while a fault is injected, with
/// redemptions and refunds in the same run, every attempt recorded in the calls' history.
/// Every fifth resident taps twice at once with two keys, so the limit of one per phase is raced
/// as well as the stock; every third redeems the coupon it got, and every sixth has the order
/// refunded. Each operation is retried as a load balancer and a patient client would: on the
/// fallback node, with the same key, until it gets a final answer.
/// </summary>
public sealed class FaultRush(HistoryCalls calls, int stock, int residents)
{
    public const string CouponTypeId = "market-10-50";

    private int _granted;
    private int _disrupted;

    /// <summary>
    /// Sends each resident's operations through <paramref name="entry"/>'s node for that resident,
    /// 64 residents at a time, and runs <paramref name="fault"/> once a third of the stock is
    /// granted; the rush goes on while it runs.
    /// </summary>
    public async Task RunAsync(Func<int, ApiNode> entry, ApiNode fallback, Func<Task> fault)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gate = new SemaphoreSlim(64);
        var faults = new List<Task>();
        var rush = Enumerable.Range(0, residents).Select(async i =>
        {
            await start.Task;
            await gate.WaitAsync();
            try
            {
                await ResidentAsync(i, entry(i), fallback);
            }
            finally
            {
                gate.Release();
            }

            if (Volatile.Read(ref _granted) >= stock / 3 && Interlocked.Exchange(ref _disrupted, 1) == 0)
            {
                lock (faults)
                {
                    faults.Add(fault());
                }
            }
        }).ToList();
        start.SetResult();
        await Task.WhenAll(rush);
        await Task.WhenAll(faults);
        Assert.Equal(1, _disrupted);
    }

    private async Task ResidentAsync(int i, ApiNode node, ApiNode fallback)
    {
        var resident = $"r-{i}";
        var taps = await Task.WhenAll((i % 5 == 0 ? new[] { "a", "b" } : ["a"]).Select(tap =>
            calls.UntilFinalAsync(n => calls.ClaimAsync(n, resident, $"tap-{tap}-{resident}", CouponTypeId), node, fallback)));
        if (taps.FirstOrDefault(t => t.Outcome == OperationOutcome.Done) is not { CouponId: { } couponId })
        {
            return;
        }

        Interlocked.Increment(ref _granted);
        if (i % 3 != 0)
        {
            return;
        }

        var order = $"o-{i}";
        var redeemed = await calls.UntilFinalAsync(n => calls.RedeemAsync(n, resident, order, couponId), node, fallback);
        if (redeemed.Outcome == OperationOutcome.Done && i % 6 == 0)
        {
            await calls.UntilFinalAsync(n => calls.RefundAsync(n, resident, order, couponId), node, fallback);
        }
    }
}
