namespace Claims.Grains.Pools;

/// <summary>A full page of a pool's log, stored once in a row of its own and never changed again.</summary>
[GenerateSerializer, Alias("claims.log-page`1")]
public sealed class LogPage<T>
{
    [Id(0)]
    public List<T> Items { get; set; } = [];
}
