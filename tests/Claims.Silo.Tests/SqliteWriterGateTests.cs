using Claims.Silo.Storage;

namespace Claims.Silo.Tests;

public sealed class SqliteWriterGateTests
{
    [Fact]
    public async Task GrainWritesAndLedgerWritesNeverOverlap()
    {
        using var gate = new SqliteWriterGate();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inside = 0;
        var overlaps = 0;
        var writes = 0;

        void Enter()
        {
            if (Interlocked.Increment(ref inside) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }
        }

        void Leave()
        {
            Interlocked.Increment(ref writes);
            Interlocked.Decrement(ref inside);
        }

        // Eight grains writing asynchronously, and the ledger's writer synchronously on a thread of its own.
        Task[] grains = [.. Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < 200; i++)
            {
                await gate.WriteAsync(async () =>
                {
                    Enter();
                    await Task.Yield();
                    Leave();
                });
            }
        }))];
        var ledger = Task.Factory.StartNew(
            () =>
            {
                start.Task.Wait(TestContext.Current.CancellationToken);
                for (var i = 0; i < 200; i++)
                {
                    gate.Write(() =>
                    {
                        Enter();
                        Thread.SpinWait(100);
                        Leave();
                    });
                }
            },
            TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        start.SetResult();
        await Task.WhenAll([.. grains, ledger]);

        Assert.Equal(0, overlaps);
        Assert.Equal(9 * 200, writes);
    }

    [Fact]
    public async Task AFailedWriteLetsTheNextOneIn()
    {
        using var gate = new SqliteWriterGate();

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.WriteAsync(() => throw new InvalidOperationException("the store is down")));
        Assert.Throws<InvalidOperationException>(() => gate.Write(() => throw new InvalidOperationException("the store is down")));

        var written = false;
        await gate.WriteAsync(() =>
        {
            written = true;
            return Task.CompletedTask;
        }).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(written);
    }
}
