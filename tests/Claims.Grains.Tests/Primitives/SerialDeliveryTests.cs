using Claims.Grains.Events;

namespace Claims.Grains.Tests.Primitives;

public sealed class SerialDeliveryTests
{
    [Fact]
    public Task CallersWaitingTogetherShareAHandfulOfDeliveries() =>
        // A grain runs one turn at a time: so must the callers and their continuations here, or
        // the thread pool would resume several waiters at once and each start a delivery.
        Task.Factory.StartNew(
                ShareDeliveriesAsync,
                CancellationToken.None,
                TaskCreationOptions.None,
                new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler)
            .Unwrap();

    private static async Task ShareDeliveriesAsync()
    {
        var ready = 0;
        var delivered = 0;
        var deliveries = 0;
        var gate = new TaskCompletionSource();
        var delivery = new SerialDelivery(async () =>
        {
            deliveries++;
            var upTo = ready;
            await gate.Task;
            delivered = upTo;
        });

        var waiting = new List<Task>();
        for (var version = 1; version <= 32; version++)
        {
            ready = version;
            var mine = version;
            waiting.Add(delivery.UntilAsync(() => delivered >= mine));
        }

        gate.SetResult();
        await Task.WhenAll(waiting);

        Assert.Equal(32, delivered);
        Assert.Equal(2, deliveries);
    }

    [Fact]
    public async Task AFailedDeliveryReachesItsWaitersAndTheNextCallerStartsAnother()
    {
        var attempts = 0;
        var delivered = false;
        var delivery = new SerialDelivery(() =>
        {
            if (++attempts == 1)
            {
                return Task.FromException(new IOException("ledger unreachable"));
            }

            delivered = true;
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<IOException>(() => delivery.UntilAsync(() => delivered));
        await delivery.UntilAsync(() => delivered);

        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task WhatIsAlreadyDeliveredCostsNoDelivery()
    {
        var deliveries = 0;
        var delivery = new SerialDelivery(() =>
        {
            deliveries++;
            return Task.CompletedTask;
        });

        await delivery.UntilAsync(() => true);

        Assert.Equal(0, deliveries);
    }
}
