namespace Claims.Benchmarks;

public sealed class HotGrain : Grain, IHotGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value);
}
