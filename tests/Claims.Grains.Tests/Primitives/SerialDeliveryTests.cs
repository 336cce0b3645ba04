using Claims.Grains.Events;

namespace Claims.Grains.Tests.Primitives;

public sealed class SerialDeliveryTests
{
    [Fact]
    public async Task CallersWaitingTogetherShareAHandfulOfDeliveries()
    {
        // As a grain's interleaved turns call it: one at a time, each awaiting what is in flight.
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
