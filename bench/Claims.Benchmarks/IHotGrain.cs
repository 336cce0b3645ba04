namespace Claims.Benchmarks;

/// <summary>A grain that does nothing, to measure the cost of a call itself.</summary>
public interface IHotGrain : IGrainWithIntegerKey
{
    /// <summary>Answers with <paramref name="value"/>.</summary>
    Task<int> PingAsync(int value);
}
