namespace Claims.Grains.Tests;

/// <summary>
/// Calls started together: each on its own thread, released by one barrier, so they really race.
/// Keep the count to a few dozen: each waits on a pool thread, and the pool adds threads slowly.
/// </summary>
public static class AtOnce
{
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> call)
    {
        using var start = new Barrier(count);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(
            () =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                return call(i);
            },
            TestContext.Current.CancellationToken)));
    }
}
