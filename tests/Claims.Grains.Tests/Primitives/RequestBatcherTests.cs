namespace Claims.Grains.Tests.Primitives;

public sealed class RequestBatcherTests
{
    [Fact]
    public async Task ARequestWithNoCallInFlightLeavesAtOnceAndAlone()
    {
        var batches = new List<int>();
        var batcher = new RequestBatcher<int, int>(requests =>
        {
            batches.Add(requests.Count);
            return Task.FromResult<IReadOnlyList<int>>([.. requests.Select(r => r * 2)]);
        });

        Assert.Equal(42, await batcher.SendAsync(21));
        Assert.Equal([1], batches);
    }

    [Fact]
    public async Task RequestsThatArriveDuringACallLeaveTogetherInTheNextAndEachGetsItsOwnAnswer()
    {
        var firstCall = new TaskCompletionSource();
        var batches = new List<IReadOnlyList<int>>();
        var batcher = new RequestBatcher<int, int>(async requests =>
        {
            lock (batches)
            {
                batches.Add(requests);
            }

            if (batches.Count == 1)
            {
                await firstCall.Task;
            }

            return [.. requests.Select(r => r * 2)];
        });

        var first = batcher.SendAsync(0);
        using var start = new Barrier(16);
        var enqueued = await Task.WhenAll(Enumerable.Range(0, 16).Select(t => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return Enumerable.Range(1 + (t * 100), 100).Select(batcher.SendAsync).ToArray();
        })));
        firstCall.SetResult();

        var answers = await Task.WhenAll(enqueued.SelectMany(tasks => tasks));

        Assert.Equal(0, await first);
        Assert.Equal(Enumerable.Range(1, 1600).Select(r => r * 2), answers);
        Assert.Equal(1601, batches.Sum(b => b.Count));
        Assert.Equal(2, batches.Count);
    }

    [Fact]
    public async Task RequestsGatheredBehindACallThatTimedOutFailWithItInsteadOfWaitingAsLongAgain()
    {
        var stuck = new TaskCompletionSource<IReadOnlyList<int>>();
        var calls = 0;
        var batcher = new RequestBatcher<int, int>(requests => Interlocked.Increment(ref calls) == 1
            ? stuck.Task
            : Task.FromResult<IReadOnlyList<int>>([.. requests]));

        var inFlight = batcher.SendAsync(0);
        var gathered = Enumerable.Range(1, 10).Select(batcher.SendAsync).ToList();
        stuck.SetException(new TimeoutException("The grain did not answer in time."));

        await Assert.ThrowsAsync<TimeoutException>(() => inFlight);
        Assert.All(gathered, g => Assert.IsType<TimeoutException>(Assert.Throws<AggregateException>(() => g.Wait(TestContext.Current.CancellationToken)).InnerException));
        Assert.Equal(1, calls);
        Assert.Equal(11, await batcher.SendAsync(11));
    }

    [Fact]
    public async Task AFailedCallFailsItsOwnBatchOnlyAndCallsNeverOverlap()
    {
        var inFlight = 0;
        var mostInFlight = 0;
        var calls = 0;
        var batcher = new RequestBatcher<int, int>(async requests =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            try
            {
                await Task.Yield();
                return Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("the grain refused") : [.. requests];
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        });

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.SendAsync(-1));
        Assert.Equal("the grain refused", failed.Message);

        using var start = new Barrier(8);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            var mine = new List<int>();
            for (var i = 0; i < 500; i++)
            {
                mine.Add(await batcher.SendAsync((t * 1000) + i));
            }

            return mine;
        })));

        Assert.All(Enumerable.Range(0, 8), t => Assert.Equal(Enumerable.Range(t * 1000, 500), answers[t]));
        Assert.Equal(1, mostInFlight);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var found && found != seen)
        {
            seen = found;
        }
    }
}
